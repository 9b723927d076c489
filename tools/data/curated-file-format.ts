import { z } from 'zod';
import { sectionKey } from '../../src/model/topic-keys';
import { CURATED_MAX } from '../../src/model/curated';
import { slug } from './field-formats';
import type { Problem } from './problems';

/**
 * A curated file, data/curated/<name>.json: lists an editor keeps, each an ordered array of
 * article slugs under an entry, a section's key or `home` (`{ "home": [...], "World": [...] }`
 * in top-stories.json). Entries are read as section keys (`World` is `world`). The build
 * checks that every slug names an article, reporting the file and line of one that does not.
 */
export const CURATED_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const curatedFile = z.record(
  z.string().refine((k) => k.trim() !== '', 'an entry needs a name: a section key or `home`'),
  z.array(slug).max(CURATED_MAX, `a curated list holds at most ${CURATED_MAX} articles`),
);

export interface CuratedFile {
  name: string;
  path: string;
  /** Entry key -> slugs, in the editor's order. */
  lists: Record<string, string[]>;
  /** Entry key -> the line of each slug. */
  lines: Record<string, number[]>;
}

/** The lines of the string values of each array, in document order, by the key holding the array. */
function arrayValueLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '"') {
      if (depth > 0) lines.push(line);
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    }
  }
  return lines;
}

export function readCuratedFile(path: string, text: string, json: unknown, problems: Problem[]): CuratedFile | undefined {
  const name = path.slice('curated/'.length, -'.json'.length);
  if (!CURATED_NAME.test(name)) {
    problems.push({ file: path, path: '/', message: 'a curated file is named in lower-case letters, digits and dashes (top-stories.json)' });
    return undefined;
  }
  const parsed = curatedFile.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => ({ file: path, path: `/${i.path.join('/')}`, message: i.message })));
    return undefined;
  }
  const valueLines = arrayValueLines(text);
  const lists: Record<string, string[]> = {};
  const lines: Record<string, number[]> = {};
  let at = 0;
  for (const [entry, slugs] of Object.entries(parsed.data)) {
    const key = sectionKey(entry);
    const where = slugs.map(() => valueLines[at++] ?? 0);
    if (lists[key]) {
      problems.push({ file: path, path: `/${entry}`, message: `line ${where[0] ?? 0}: the entry "${entry}" is "${key}" again; one list per entry` });
      continue;
    }
    const seen = new Map<string, number>();
    slugs.forEach((s, i) => {
      if (seen.has(s)) problems.push({ file: path, path: `/${entry}/${i}`, message: `line ${where[i]}: "${s}" is already in this list (line ${where[seen.get(s)!]})` });
      else seen.set(s, i);
    });
    lists[key] = slugs;
    lines[key] = where;
  }
  return { name, path, lists, lines };
}

/** Problems for slugs no article has: `known` says whether one does. */
export function unknownCuratedSlugs(file: CuratedFile, known: (slug: string) => boolean): Problem[] {
  return Object.entries(file.lists).flatMap(([entry, slugs]) =>
    slugs.flatMap((s, i) => (known(s) ? [] : [{ file: file.path, path: `/${entry}/${i}`, message: `line ${file.lines[entry]![i]}: no article has the slug "${s}"` }])),
  );
}

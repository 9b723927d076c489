import type { z } from 'zod';
import { articleFile, entityFiles, type ArticleFile } from './data-format';
import { ENTITY_KINDS, entityFileName, type EntityLinks } from '../../src/model/entity-kinds';
import { textProblems } from './check-text';
import { duplicateKeys } from './duplicate-keys';
import { decodeSource, type RawSourceFile, type TextSourceFile } from './decode-source';
import { fromZodIssues, type Problem } from './problems';
import { readCuratedFile, type CuratedFile } from './curated-file-format';

export type { RawSourceFile, TextSourceFile };

/** A data file, as bytes from disk (decoded and checked here) or as text. */
export type SourceFile = RawSourceFile | TextSourceFile;

/** Every file's content, checked: articles, and each entity kind's list. */
export type DataSet = { articles: ArticleFile[] } & { [K in EntityLinks]: z.infer<(typeof entityFiles)[K]> } & {
  /**
   * What a problem already reported keeps out of the data set, so that references to it are
   * not reported again as dangling (one cause, one report): slugs of entities that failed
   * their checks, and whether an entity file could not be read at all (then any slug might
   * have been in it).
   */
  excluded: { slugs: Set<string>; unreadableEntityFile: boolean };
  /** data/curated/*.json: lists editors keep (tools/data/curated-file-format.ts). */
  curated: CuratedFile[];
};

/** The kind a file of data/entities/ holds, by file name: people.json -> people, ... */
const KIND_OF_FILE = new Map<string, EntityLinks>(ENTITY_KINDS.map((k) => [entityFileName(k), k.links]));

/** The file's JSON, or undefined with the problems that keep it from being read. */
function parseJson(file: SourceFile, problems: Problem[]): unknown {
  const decoded = decodeSource(file);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    problems.push({ file: file.path, path: '/', message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const duplicates = duplicateKeys(decoded.text);
  for (const d of duplicates) {
    const message = `has the key "${d.key}" twice (lines ${d.firstLine} and ${d.line}); only one may stay`;
    problems.push({ file: file.path, path: d.object, message });
  }
  return duplicates.length > 0 ? undefined : json;
}

/** Problems keyed by the array item they fall in ("/3/names/en" -> 3); -1 for the file. */
function byItem(problems: Problem[]): Map<number, Problem[]> {
  const map = new Map<number, Problem[]>();
  for (const p of problems) {
    const m = /^\/(\d+)(?:\/|$)/.exec(p.path);
    const item = m ? Number(m[1]) : -1;
    map.set(item, [...(map.get(item) ?? []), p]);
  }
  return map;
}

/**
 * An entity file, item by item: a broken entity is reported and left out, the others are
 * read, so one bad alias does not hide a whole file from the checks that follow.
 */
function readEntityFile(file: SourceFile, kind: EntityLinks, dataSet: DataSet, problems: Problem[]): void {
  const json = parseJson(file, problems);
  if (!Array.isArray(json)) {
    if (json !== undefined) problems.push({ file: file.path, path: '/', message: 'must be a JSON array of entities' });
    dataSet.excluded.unreadableEntityFile = true;
    return;
  }
  const textByItem = byItem(textProblems(file.path, json));
  json.forEach((item: unknown, i) => {
    const slug = (item as { slug?: unknown } | null)?.slug;
    const parsed = entityFiles[kind].element.safeParse(item);
    const found = textByItem.get(i) ?? (parsed.success ? [] : fromZodIssues(file.path, parsed.error.issues, [i]));
    if (found.length > 0 || !parsed.success) {
      problems.push(...found);
      if (typeof slug === 'string') dataSet.excluded.slugs.add(slug);
      else dataSet.excluded.unreadableEntityFile = true;
    } else (dataSet[kind] as unknown[]).push(parsed.data);
  });
}

/** An article file, checked on its own (links apart), or undefined with its problems. */
export function readArticleFile(file: SourceFile, problems: Problem[]): ArticleFile | undefined {
  const name = file.path.split('/').pop()!;
  const json = parseJson(file, problems);
  if (json === undefined) return undefined;
  const text = textProblems(file.path, json);
  if (text.length > 0) {
    problems.push(...text);
    return undefined;
  }
  const parsed = articleFile.safeParse(json);
  if (!parsed.success) problems.push(...fromZodIssues(file.path, parsed.error.issues));
  else if (`${parsed.data.slug}.json` !== name) {
    problems.push({ file: file.path, path: '/slug', message: `must match the file name (${name})` });
  } else return parsed.data;
  return undefined;
}

/** Is this path an article's file (articles/<slug>.json)? */
export const isArticlePath = (path: string): boolean => path.startsWith('articles/') && path.endsWith('.json');

/**
 * The order files are read and their problems reported in: by path, as String#localeCompare
 * orders them (a collator compares the same, ECMA-402 section 19.1.1, and faster).
 */
export const comparePaths: (a: string, b: string) => number = new Intl.Collator().compare;

/**
 * Decodes, parses and checks the shape of every file; cross-references are checked by
 * validate-links. Reports every problem it finds, not just the first, and not those that
 * only follow from another (a text problem is reported instead of the shape problems of the
 * same entity or article).
 */
export function readDataSet(files: SourceFile[]): { dataSet: DataSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const dataSet: DataSet = {
    articles: [], people: [], events: [], places: [], organizations: [],
    excluded: { slugs: new Set(), unreadableEntityFile: false },
    curated: [],
  };
  for (const file of [...files].sort((a, b) => comparePaths(a.path, b.path))) {
    const name = file.path.split('/').pop()!;
    if (isArticlePath(file.path)) {
      const article = readArticleFile(file, problems);
      if (article) dataSet.articles.push(article);
    } else if (file.path.startsWith('curated/') && file.path.endsWith('.json') && !file.path.slice('curated/'.length).includes('/')) {
      const json = parseJson(file, problems);
      const decoded = decodeSource(file);
      const curated = json === undefined || 'problem' in decoded ? undefined : readCuratedFile(file.path, decoded.text, json, problems);
      if (curated) dataSet.curated.push(curated);
    } else if (file.path.startsWith('entities/') && KIND_OF_FILE.has(name)) {
      readEntityFile(file, KIND_OF_FILE.get(name)!, dataSet, problems);
    } else {
      problems.push({
        file: file.path,
        path: '/',
        message: 'is not a data file: articles go in articles/<slug>.json, entities in entities/{people,events,places,organizations}.json, curated lists in curated/<name>.json',
      });
    }
  }
  return { dataSet, problems };
}

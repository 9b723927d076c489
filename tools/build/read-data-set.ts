import type { z } from 'zod';
import { articleFile, entityFiles, type ArticleFile } from './data-format';
import { ENTITY_KINDS, entityFileName, type EntityLinks } from '../../src/model/entity-kinds';
import { fromZodIssues, type Problem } from './problems';

/** A data file as read from disk: its path relative to the data directory, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Every file's content, checked: articles, and each entity kind's list. */
export type DataSet = { articles: ArticleFile[] } & { [K in EntityLinks]: z.infer<(typeof entityFiles)[K]> };

/** The kind a file of data/entities/ holds, by file name: people.json -> people, ... */
const KIND_OF_FILE = new Map<string, EntityLinks>(ENTITY_KINDS.map((k) => [entityFileName(k), k.links]));

function parseJson(file: SourceFile, problems: Problem[]): unknown {
  try {
    return JSON.parse(file.text);
  } catch (error) {
    problems.push({ file: file.path, path: '/', message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * Parses and checks the shape of every file; cross-references are checked by validate-links.
 * Reports every problem it finds, not just the first.
 */
export function readDataSet(files: SourceFile[]): { dataSet: DataSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const dataSet: DataSet = { articles: [], people: [], events: [], places: [], organizations: [] };
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = file.path.split('/').pop()!;
    if (file.path.startsWith('articles/') && name.endsWith('.json')) {
      const json = parseJson(file, problems);
      if (json === undefined) continue;
      const parsed = articleFile.safeParse(json);
      if (!parsed.success) problems.push(...fromZodIssues(file.path, parsed.error.issues));
      else if (`${parsed.data.slug}.json` !== name) {
        problems.push({ file: file.path, path: '/slug', message: `must match the file name (${name})` });
      } else dataSet.articles.push(parsed.data);
    } else if (file.path.startsWith('entities/') && KIND_OF_FILE.has(name)) {
      const json = parseJson(file, problems);
      if (json === undefined) continue;
      const kind = KIND_OF_FILE.get(name)!;
      const parsed = entityFiles[kind].safeParse(json);
      if (!parsed.success) problems.push(...fromZodIssues(file.path, parsed.error.issues));
      else (dataSet[kind] as unknown[]).push(...parsed.data);
    } else {
      problems.push({
        file: file.path,
        path: '/',
        message: 'is not a data file: articles go in articles/<slug>.json, entities in entities/{people,events,places,organizations}.json',
      });
    }
  }
  return { dataSet, problems };
}

import {
  articleFile,
  entityFiles,
  type ArticleFile,
  type EventFile,
  type OrganizationFile,
  type PersonFile,
  type PlaceFile,
} from './data-format';
import { fromZodIssues, type Problem } from './problems';

/** A data file as read from disk: its path relative to the data directory, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface DataSet {
  articles: ArticleFile[];
  people: PersonFile[];
  events: EventFile[];
  places: PlaceFile[];
  organizations: OrganizationFile[];
}

const ENTITY_KEYS = {
  'people.json': 'people',
  'events.json': 'events',
  'places.json': 'places',
  'organizations.json': 'organizations',
} as const;

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
    } else if (file.path.startsWith('entities/') && name in entityFiles) {
      const json = parseJson(file, problems);
      if (json === undefined) continue;
      const kind = name as keyof typeof entityFiles;
      const parsed = entityFiles[kind].schema.safeParse(json);
      if (!parsed.success) problems.push(...fromZodIssues(file.path, parsed.error.issues));
      else (dataSet[ENTITY_KEYS[kind]] as unknown[]).push(...parsed.data);
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

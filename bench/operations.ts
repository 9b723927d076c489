/**
 * The app's operations the bench measures: the persisted ones in operations/*.graphql, exactly
 * as the app sends them, with the variables of a typical screen. Adding an operation to the app
 * (a file in operations/) means adding its variables here.
 */
import { readFileSync } from 'node:fs';

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const VARIABLES: Record<string, Record<string, unknown>> = {
  'article-page': { slug: 'putin-to-visit-north-korea-next-week' },
  'latest-articles': { first: 20 },
  'person-page': { slug: 'vladimir-putin' },
  'event-page': { slug: 'putin-visit-to-north-korea-2024' },
  search: { query: 'पुतिन किम' },
  'type-ahead': { prefix: 'किम' },
};

export const OPERATIONS: Operation[] = Object.entries(VARIABLES).map(([file, variables]) => ({
  name: file,
  query: readFileSync(new URL(`../operations/${file}.graphql`, import.meta.url), 'utf8'),
  variables,
}));

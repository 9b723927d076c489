/**
 * The app's operations the bench measures: the persisted ones in operations/*.graphql, exactly
 * as the app sends them, with the variables of tools/fixtures/screens.ts.
 */
import { readFileSync } from 'node:fs';
import { MORE_SCREENS, SCREENS } from '../tools/fixtures/screens';

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const operationsOf = (screens: Record<string, Record<string, unknown>>): Operation[] =>
  Object.entries(screens).map(([file, variables]) => ({
    name: file,
    query: readFileSync(new URL(`../operations/${file}.graphql`, import.meta.url), 'utf8'),
    variables,
  }));

/** The six screens: what every size run of `npm run bench` measures. */
export const OPERATIONS: Operation[] = operationsOf(SCREENS);
/** Every persisted operation but the streamed one: what `--per-operation` measures. */
export const ALL_OPERATIONS: Operation[] = [...OPERATIONS, ...operationsOf(MORE_SCREENS)];

export const operation = (name: keyof typeof SCREENS): Operation => OPERATIONS.find((o) => o.name === name)!;

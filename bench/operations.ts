/**
 * The app's operations the bench measures: the persisted ones in operations/*.graphql, exactly
 * as the app sends them, with the variables of tools/fixtures/screens.ts.
 */
import { readFileSync } from 'node:fs';
import { SCREENS } from '../tools/fixtures/screens';

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const OPERATIONS: Operation[] = Object.entries(SCREENS).map(([file, variables]) => ({
  name: file,
  query: readFileSync(new URL(`../operations/${file}.graphql`, import.meta.url), 'utf8'),
  variables,
}));

export const operation = (name: keyof typeof SCREENS): Operation => OPERATIONS.find((o) => o.name === name)!;

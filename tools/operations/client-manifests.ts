import type { GraphQLSchema } from 'graphql';
import { checkDocument, problem, type PersistedOperation } from './persisted-operations';
import type { Problem } from '../data/problems';

/**
 * Apps bring their own operations: the persisted-query manifests their build tools write,
 * dropped into operations/clients/ (docs/app-developers.md), in either format
 *   - Apollo's `persisted-query-manifest.json` (Apollo Client's generate-persisted-query-manifest,
 *     Apollo iOS and Kotlin): { format: "apollo-persisted-query-manifest", version: 1,
 *     operations: [{ id, name, type, body }] };
 *   - Relay's `persisted_queries.json` (relay-compiler's `persistConfig.file`): { id: text }.
 * Each entry's id must be the SHA-256 of its body exactly as written (the id the app sends;
 * Relay needs `"algorithm": "SHA256"`), and its body must pass what operations/*.graphql pass:
 * the schema and the request limits. The body is kept as written: the id is of that text.
 */
export interface ClientManifestFile {
  file: string;
  text: string;
}

export interface ClientManifestEntry {
  id: string;
  body: string;
  label: string;
}

/** The entries of one manifest file, or what is wrong with it. */
export function clientManifestEntries(file: string, text: string): ClientManifestEntry[] | Problem[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [problem(file, `not JSON: ${(error as Error).message}`)];
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return [problem(file, 'expected an Apollo persisted-query manifest or a Relay persisted_queries.json object')];
  }
  const manifest = json as { format?: unknown; version?: unknown; operations?: unknown };
  if (manifest.format === 'apollo-persisted-query-manifest') {
    if (manifest.version !== 1 || !Array.isArray(manifest.operations)) {
      return [problem(file, 'an Apollo manifest needs "version": 1 and an "operations" array')];
    }
    const ops = manifest.operations as Array<Partial<PersistedOperation>>;
    const bad = ops.findIndex((op) => typeof op?.id !== 'string' || typeof op.body !== 'string');
    if (bad !== -1) return [problem(file, `operations[${bad}] needs string "id" and "body"`)];
    return ops.map((op, i) => ({ id: op.id!, body: op.body!, label: `operations[${i}] ${op.name ?? ''}`.trim() }));
  }
  const entries = Object.entries(json as Record<string, unknown>);
  const bad = entries.find(([, body]) => typeof body !== 'string');
  if (bad) return [problem(file, `entry ${bad[0]}: a Relay persisted_queries.json maps ids to query text`)];
  return entries.map(([id, body]) => ({ id, body: body as string, label: `entry ${id.slice(0, 12)}` }));
}

/** Checks every client manifest; returns their operations (id -> body as written) or every problem. */
export async function compileClientManifests(
  schema: GraphQLSchema,
  files: ClientManifestFile[],
  sha256: (text: string) => Promise<string>,
): Promise<{ operations: Map<string, string>; problems: Problem[]; names: string[] }> {
  const operations = new Map<string, string>();
  const problems: Problem[] = [];
  const names: string[] = [];
  for (const { file, text } of files) {
    const entries = clientManifestEntries(file, text);
    for (const entry of entries) {
      if ('message' in entry) {
        problems.push(entry);
        continue;
      }
      const where = `${entry.label}: `;
      const digest = await sha256(entry.body);
      if (digest !== entry.id.replace(/^sha256:/, '')) {
        problems.push(problem(file, `${where}id is not the SHA-256 of the body (it is ${digest}); Relay: set persistConfig "algorithm": "SHA256"`));
        continue;
      }
      const checked = checkDocument(schema, { file, text: entry.body }, where);
      if ('problems' in checked) {
        problems.push(...checked.problems);
        continue;
      }
      operations.set(digest, entry.body);
      names.push(checked.name);
    }
  }
  return { operations, problems, names };
}

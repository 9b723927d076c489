import { buildSchema, parse, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LIMITS } from '../../src/limits';
import { validateWithLimits } from './operation-limits';
import { selectionsWithoutId, withTypename } from './apollo-ready';
import type { Problem } from '../data/problems';

/**
 * Trusted documents: the app's operations, checked against the schema at build time and
 * identified by the SHA-256 of their printed text (the id Apollo's and urql's persisted-query
 * links send as `extensions.persistedQuery.sha256Hash`). The body is `print()`ed so that
 * formatting and comments in the .graphql file do not change the hash a client computes, after
 * `__typename` is added as Apollo Client adds it (apollo-ready.ts): the id is the hash Apollo
 * sends with its defaults. Every identifiable object must select its `id` (normalized caches).
 */

export interface SourceOperation {
  /** Path shown in errors, such as `operations/article-page.graphql`. */
  file: string;
  text: string;
}

export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query';
  body: string;
}

/** Apollo's persisted query manifest format (apollographql.com/docs/graphos/platform/security/persisted-queries). */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export type CompileResult = { ok: true; manifest: PersistedQueryManifest } | { ok: false; problems: Problem[] };

export async function compileOperations(
  sdl: string,
  sources: SourceOperation[],
  sha256: (text: string) => Promise<string>,
): Promise<CompileResult> {
  const schema = buildSchema(sdl);
  const problems: Problem[] = [];
  const operations: PersistedOperation[] = [];
  const files = new Map<string, string>();
  for (const source of sources) {
    const checked = checkOperation(schema, source);
    if ('problems' in checked) {
      problems.push(...checked.problems);
      continue;
    }
    const earlier = files.get(checked.name);
    if (earlier) {
      problems.push(problem(source.file, `operation ${checked.name} is also defined in ${earlier}; names must be unique`));
      continue;
    }
    files.set(checked.name, source.file);
    operations.push({ id: await sha256(checked.body), name: checked.name, type: 'query', body: checked.body });
  }
  if (problems.length > 0) return { ok: false, problems };
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, manifest: { format: 'apollo-persisted-query-manifest', version: 1, operations } };
}

/**
 * One operation (with the fragments it spreads): parsed within the token limit, validated
 * against the schema and the request limits, named, a query. `where` prefixes each problem's
 * message (a client manifest names the operation's entry).
 */
export function checkDocument(
  schema: GraphQLSchema,
  source: SourceOperation,
  where = '',
): { name: string; document: DocumentNode } | { problems: Problem[] } {
  const fail = (message: string, at?: { line: number; column: number }) => ({ problems: [problem(source.file, where + message, at)] });
  let document;
  try {
    document = parse(source.text, { maxTokens: LIMITS.maxTokens });
  } catch (error) {
    return fail((error as Error).message);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (operations.length !== 1) return fail(`a file holds exactly one operation; this one has ${operations.length}`);
  const operation = operations[0]!;
  if (!operation.name) return fail('the operation needs a name (query ArticlePage { ... })');
  const errors = validateWithLimits(schema, document, operation.name.value);
  if (errors.length > 0) return { problems: errors.map((e) => problem(source.file, where + e.message, e.at)) };
  if (operation.operation !== 'query') {
    return fail(`only queries can be persisted; ${operation.name.value} is a ${operation.operation}`);
  }
  return { name: operation.name.value, document };
}

/** One of this API's own operations: checked, every object selected with its id, printed as Apollo hashes it. */
function checkOperation(
  schema: GraphQLSchema,
  source: SourceOperation,
): { name: string; body: string } | { problems: Problem[] } {
  const checked = checkDocument(schema, source);
  if ('problems' in checked) return checked;
  const withoutId = selectionsWithoutId(schema, checked.document);
  if (withoutId.length > 0) {
    return {
      problems: withoutId.map(({ path, ...at }) =>
        problem(source.file, `${path} selects no id: normalizing clients (Apollo, Relay) cannot store it by id`, at),
      ),
    };
  }
  return { name: checked.name, body: print(withTypename(checked.document)) };
}

export function problem(file: string, message: string, at?: { line: number; column: number }): Problem {
  return { file, path: at ? `${at.line}:${at.column}` : '-', message };
}

import { buildSchema, parse, print, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { selectionsWithoutId, withTypename } from './apollo-ready';
import type { Problem } from './problems';

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

function checkOperation(
  schema: GraphQLSchema,
  source: SourceOperation,
): { name: string; body: string } | { problems: Problem[] } {
  let document;
  try {
    document = parse(source.text);
  } catch (error) {
    return { problems: [problem(source.file, (error as Error).message)] };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) {
    return { problems: errors.map((e) => problem(source.file, e.message, e.locations?.[0])) };
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (operations.length !== 1) {
    return { problems: [problem(source.file, `a file holds exactly one operation; this one has ${operations.length}`)] };
  }
  const operation = operations[0]!;
  if (!operation.name) return { problems: [problem(source.file, 'the operation needs a name (query ArticlePage { ... })')] };
  if (operation.operation !== 'query') {
    return { problems: [problem(source.file, `only queries can be persisted; ${operation.name.value} is a ${operation.operation}`)] };
  }
  const withoutId = selectionsWithoutId(schema, document);
  if (withoutId.length > 0) {
    return {
      problems: withoutId.map(({ path, ...at }) =>
        problem(source.file, `${path} selects no id: normalizing clients (Apollo, Relay) cannot store it by id`, at),
      ),
    };
  }
  return { name: operation.name.value, body: print(withTypename(document)) };
}

function problem(file: string, message: string, at?: { line: number; column: number }): Problem {
  return { file, path: at ? `${at.line}:${at.column}` : '-', message };
}

/**
 * What `npm run bench -- --per-operation` measures for each app operation:
 * six ways of answering the same request, each a URL and a request body.
 *
 *   memo         the worker, warm, the same persisted request repeated: the response memo
 *                answers it before yoga (src/front/memo.ts)
 *   compiled     the worker, COMPILED_OPERATIONS as wrangler.toml has it ("on"), a distinct
 *                variable each request so every one is executed
 *   graphqlJs    the same with COMPILED_OPERATIONS=off: graphql-js executes (a second warm
 *                worker of the bench entry, bench/worker/floor-worker.ts)
 *   apollo       Apollo Server 4 executing every request (bench/peer/)
 *   apolloCache  Apollo with its response cache, the same request repeated
 *   floor        the workerd floor: the worker's answer bytes from module memory, no GraphQL
 *
 * The worker is sent the operation by persisted id (as apps send it, and the only way the
 * compiled path is taken); Apollo the text that id stands for. Each request with `nonce` carries a variable the
 * operation does not declare, which GraphQL ignores, so that no two requests share an answer.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Operation } from '../operations';

export { LABELS, TARGETS, type Target } from './report';

interface ManifestEntry {
  id: string;
  name: string;
  body: string;
}

/**
 * An operation of operations/*.graphql as the build persisted it: its id, and the document the
 * worker runs for that id (the build normalizes the text and adds `__typename` where clients
 * need it), which is what Apollo is sent, so that both run the same document.
 */
export function persistedOf(op: Operation): ManifestEntry {
  const definition = parse(op.query).definitions.find((d) => d.kind === 'OperationDefinition');
  const name = definition && 'name' in definition ? definition.name?.value : undefined;
  const manifest = JSON.parse(readFileSync('public/persisted-query-manifest.json', 'utf8')) as { operations: ManifestEntry[] };
  const entry = manifest.operations.find((o) => o.name === name);
  if (!entry) throw new Error(`${op.name}: no operation ${name} in public/persisted-query-manifest.json (run npm run build)`);
  return entry;
}

const variablesOf = (op: Operation, nonce?: number) => ({ ...op.variables, ...(nonce === undefined ? {} : { nonce }) });

/** The body the worker gets: the persisted id, as Apollo's and urql's persisted-query links send it. */
export const persistedBody = (op: Operation, id: string, nonce?: number): string =>
  JSON.stringify({ variables: variablesOf(op, nonce), extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

/** The body Apollo gets: the persisted document's text. */
export const textBody = (op: Operation, document: string, nonce?: number): string =>
  JSON.stringify({ query: document, variables: variablesOf(op, nonce) });

/**
 * Whether the worker has a compiled path to switch: COMPILED_OPERATIONS read by src/config.ts.
 * Without it, `compiled` and `graphqlJs` run the very same code and the
 * report says so rather than print two figures that look like a comparison.
 */
export function compilerPresent(): boolean {
  return readFileSync('src/config.ts', 'utf8').includes('COMPILED_OPERATIONS');
}

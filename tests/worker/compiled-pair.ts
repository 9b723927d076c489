import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import compiled from '../../src/graph/compiled/operations.gen';
import manifest from '../../src/graph/persisted-operations.gen';
import { COMPILED_HEADER } from '../../src/http/response-headers';
import { createWorker } from '../../src/worker';
import { readRaw, type RawResponse } from '../shared/raw-response';
import type { Operation } from './compiled-cases';

export type { Operation };

/**
 * Two workers, one with COMPILED_OPERATIONS "on" and one "off", sent the same requests in the
 * same order: their isolate caches then hold the same documents, so even x-kv-stats must
 * match. Production settings (persisted operations only, masked errors); the data-version
 * pointer is trusted for an hour so that a slow run does not re-read it in one worker only.
 */

/** Every persisted operation: operations/*.graphql and the client manifests. */
export const OPERATIONS: Operation[] = Object.entries(manifest).map(([id, body]) => ({
  id,
  body,
  name: /query\s+(\w+)/.exec(body)![1]!,
  compiled: id in compiled,
}));

const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production', VERSION_CHECK_SECONDS: '3600' };
/** No response memo: every request of a sweep executes (a memo hit would not show which path ran). */
export const NO_MEMO = { RESPONSE_MEMO_SIZE: '0KiB' };

/**
 * KV reads that outlive their request: when an error nulls the whole answer (spec 6.4.4), the
 * answer is sent while sibling fields' reads are still on their way, and they fill the
 * isolate's cache whenever they land. The two workers must not race them, so each request
 * waits until no read it started is in flight.
 */
function settling(kv: KVNamespace) {
  let inFlight = 0;
  const get = (...args: unknown[]) => {
    inFlight += 1;
    const done = () => void (inFlight -= 1);
    const read = (kv.get as (...a: unknown[]) => Promise<unknown>)(...args);
    read.then(done, done);
    return read;
  };
  const wrapped = new Proxy(kv, { get: (target, prop) => (prop === 'get' ? get : Reflect.get(target, prop, target)) });
  const settled = async () => {
    do await new Promise((resolve) => setTimeout(resolve, 1));
    while (inFlight > 0);
  };
  return { kv: wrapped, settled };
}

export function compiledPair(vars: Partial<Record<keyof Env, string>> = {}, faultyNews?: KVNamespace) {
  // Every pair settles: an operation with several root fields (Home) nulls its answer on one
  // field's error while its siblings' reads are still on their way, in either path.
  const settle = settling(faultyNews ?? env.NEWS);
  const news = settle.kv;
  const workers = { on: createWorker(), off: createWorker() };
  const send = async (flag: 'on' | 'off', path: string, init?: RequestInit): Promise<RawResponse & { yoga: boolean }> => {
    const before = workers[flag].yogaRequests();
    const ctx = createExecutionContext();
    const request = new Request(new URL(path, 'http://localhost'), init);
    const bindings = { ...env, ...PRODUCTION, ...vars, COMPILED_OPERATIONS: flag, NEWS: news } as Env;
    const response = await workers[flag].fetch(request as Request<unknown, IncomingRequestCfProperties>, bindings, ctx);
    await waitOnExecutionContext(ctx);
    const raw = await readRaw(response);
    await settle.settled();
    return { ...raw, yoga: workers[flag].yogaRequests() > before };
  };
  /** The same request to both; `init` may differ per side (a GET's cache-busting tag). */
  return async (path: string | ((flag: 'on' | 'off') => string), init?: RequestInit) => ({
    compiled: await send('on', typeof path === 'string' ? path : path('on'), init),
    graphqlJs: await send('off', typeof path === 'string' ? path : path('off'), init),
  });
}

/** A POST naming a persisted operation by hash, as Apollo and urql send it. */
export const persistedPost = (op: Operation, variables: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ operationName: op.name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: op.id } } }),
});

/** The operation's cursor variable, if it pages. */
const cursorVariable = (op: Operation) => ['after', 'articlesAfter', 'cursor'].find((name) => op.body.includes(`$${name}:`));

function endCursors(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) endCursors(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'endCursor' && typeof inner === 'string') found.push(inner);
      else endCursors(inner, found);
    }
  }
  return found;
}

/**
 * Sends every case to both paths, then the next pages its answer links to (`endCursor`, up to
 * `depth` pages on), each pair checked by expectSameAnswer. Returns how many ran compiled.
 */
export async function sweep(pair: ReturnType<typeof compiledPair>, op: Operation, cases: unknown[], depth = 1): Promise<number> {
  let compiledRuns = 0;
  const cursor = cursorVariable(op);
  for (const [i, variables] of cases.entries()) {
    let pages = [variables];
    for (let level = 0; level <= depth && pages.length > 0; level++) {
      const next: unknown[] = [];
      for (const page of pages) {
        const answers = await pair('/graphql', persistedPost(op, page));
        if (expectSameAnswer(op, answers, `case ${i} ${JSON.stringify(page)}`)) compiledRuns += 1;
        if (cursor) for (const after of endCursors(answers.compiled.json?.data).slice(0, 2)) next.push({ ...(page as object), [cursor]: after });
      }
      pages = next;
    }
  }
  return compiledRuns;
}

const headersOf = (response: RawResponse) =>
  [...response.headers].filter(([name]) => name !== COMPILED_HEADER).sort(([a], [b]) => a.localeCompare(b));

/**
 * Byte-identical bodies, the same status and headers; and proof that the compiled path ran:
 * every compiled operation that reached execution (an answer with `data`) carries the header,
 * and the graphql-js side never does (run with NO_MEMO: a memo hit executes nothing); and a
 * compiled answer, with errors or without, never reached yoga (the compiled stage finished it)
 * unless no data version was readable.
 * Returns whether the compiled path answered.
 */
export function expectSameAnswer(
  op: Operation,
  pair: { compiled: RawResponse & { yoga?: boolean }; graphqlJs: RawResponse },
  what: string,
  /** KV fails the pointer read: an operation that errs before reading it (a malformed URL) also reaches yoga, with its own status. */
  pointerUnreadable = false,
): boolean {
  const { compiled: a, graphqlJs: b } = pair;
  expect(a.text, `${op.name} ${what}: body`).toBe(b.text);
  expect(a.status, `${op.name} ${what}: status`).toBe(b.status);
  expect(headersOf(a), `${op.name} ${what}: headers`).toEqual(headersOf(b));
  expect(b.headers.get(COMPILED_HEADER)).toBeNull();
  const ran = a.headers.get(COMPILED_HEADER) === 'compiled';
  const executed = a.json !== null && 'data' in a.json;
  expect(ran, `${op.name} ${what}: compiled path ran`).toBe(op.compiled && executed);
  // The compiled stage (src/front/compiled.ts) finishes what it executes, errors included:
  // only with no readable data version (503) is there no memo key, and yoga's plugin runs it.
  if (ran && a.yoga !== undefined) expect(a.yoga, `${op.name} ${what}: answered before yoga`).toBe(pointerUnreadable || a.status === 503);
  return ran;
}

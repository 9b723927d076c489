import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker';
import { casesOf } from './compiled-cases';
import { compiledPair, expectSameAnswer, NO_MEMO, OPERATIONS, persistedPost, type Operation } from './compiled-pair';
import { seedKv } from './helpers';
import { postJson, send } from './raw-request';

/**
 * The early compiled path (src/http/compiled-early.ts): a compiled persisted request answered
 * in the fetch handler, before yoga. compiled-equality, -corpus, -fuzz and -faults prove its
 * answers byte-identical to graphql-js's and that it answered them (compiled-pair.ts); here:
 * the rate limit counts each request once, on whichever path, every request shape it leaves
 * to yoga is still answered identically, by yoga, and the other persisted shapes it takes
 * (Relay's `doc_id`, the proposal's `documentId`) answer what graphql-js answers.
 */
beforeAll(seedKv, 30_000);

const latest = OPERATIONS.find((op) => op.name === 'LatestArticles')!;
const hash = { persistedQuery: { version: 1, sha256Hash: latest.id } };
const LIMIT = 12;
const limiter = (env as unknown as { TEST_RATE_LIMITER: RateLimit }).TEST_RATE_LIMITER;

describe('compiled persisted requests answered before yoga', () => {
  it(`counts each request once against the rate limit: ${LIMIT} pass, the next is refused`, async () => {
    const worker = createWorker();
    const on = { RATE_LIMIT: 'on', RATE_LIMITER: limiter, ALLOW_ARBITRARY_QUERIES: 'false' };
    const client = { 'cf-connecting-ip': '203.0.113.14' };
    // Every third has a forged cursor: executed early, its field error answered by yoga.
    const variables = (i: number) => (i % 3 === 2 ? { first: 2, after: 'forged' } : { first: i + 1 });
    const answers = [];
    for (let i = 0; i < LIMIT; i++) answers.push(await send(worker, postJson({ variables: variables(i), extensions: hash }, client), on));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => a.headers.get('x-graphql-executor') === 'compiled')).toBe(true);
    expect(answers.filter((a) => a.json?.errors).length).toBe(LIMIT / 3);
    // Only the answers with errors went through yoga.
    expect(worker.yogaRequests()).toBe(LIMIT / 3);
    const refused = await send(worker, postJson({ variables: { first: 99 }, extensions: hash }, client), on);
    expect(refused.status).toBe(429);
    expect(refused.json?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(worker.yogaRequests()).toBe(LIMIT / 3);
  });

  const body = (more: Record<string, unknown>) => JSON.stringify({ variables: { first: 3 }, extensions: hash, ...more });
  const post = (text: string, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: text,
  });
  const query = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params)}`;
  const getParams = { variables: JSON.stringify({ first: 3 }), extensions: JSON.stringify(hash) };
  const leftToYoga: Array<[string, string, RequestInit | undefined]> = [
    ['an unknown param', '/graphql', post(body({ nonce: 1 }))],
    ['the query text besides the hash', '/graphql', post(body({ query: 'query LatestArticles { __typename }' }))],
    ['another operation name', '/graphql', post(body({ operationName: 'PersonPage' }))],
    ['variables that are a list', '/graphql', post(body({ variables: [1] }))],
    ['variables that do not coerce', '/graphql', post(body({ variables: { first: 'many' } }))],
    ['more extensions', '/graphql', post(body({ extensions: { ...hash, tracing: true } }))],
    ['a content type yoga does not read as JSON', '/graphql', post(body({}), { 'content-type': 'text/plain' })],
    ['invalid JSON', '/graphql', post('{"extensions":')],
    ['a body that is a list', '/graphql', post(`[${body({})}]`)],
    ['an unknown id', '/graphql', post(body({ extensions: { persistedQuery: { version: 1, sha256Hash: 'constructor' } } }))],
    ['a GET with another param', query({ ...getParams, nonce: '1' }), undefined],
    ['a doc_id beside the hash', '/graphql', post(body({ doc_id: latest.id }))],
    ['documentId and doc_id both', '/graphql', post(JSON.stringify({ variables: { first: 3 }, documentId: latest.id, doc_id: latest.id }))],
    ['a doc_id that is not text', '/graphql', post(JSON.stringify({ variables: { first: 3 }, doc_id: 7 }))],
    ['a doc_id naming nothing', '/graphql', post(JSON.stringify({ variables: { first: 3 }, doc_id: 'constructor' }))],
    ['a doc_id with empty extensions', '/graphql', post(JSON.stringify({ variables: { first: 3 }, doc_id: latest.id, extensions: {} }))],
    ['a GET with documentId twice', `${query({ variables: getParams.variables, documentId: latest.id })}&documentId=${latest.id}`, undefined],
    ['a GET asking for HTML', query(getParams), { headers: { accept: 'text/html, application/json' } }],
    ['an over-costly page size', '/graphql', post(body({ variables: { first: 1000 } }))],
  ];

  it.each(leftToYoga)('leaves %s to yoga, which answers as graphql-js does', async (_, path, init) => {
    const answers = await compiledPair(NO_MEMO)(path, init);
    expect(answers.compiled.text).toBe(answers.graphqlJs.text);
    expect(answers.compiled.status).toBe(answers.graphqlJs.status);
    expect(answers.compiled.yoga).toBe(true);
  });

  it('takes the same request when its shape is the persisted query', async () => {
    const answers = await compiledPair(NO_MEMO)('/graphql', persistedPost(latest, { first: 3 }));
    expect(answers.compiled.text).toBe(answers.graphqlJs.text);
    expect(answers.compiled.yoga).toBe(false);
    expect(answers.compiled.headers.get('x-graphql-executor')).toBe('compiled');
    const get = await compiledPair(NO_MEMO)(query(getParams));
    expect(get.compiled.text).toBe(get.graphqlJs.text);
    expect(get.compiled.yoga).toBe(false);
    expect(get.compiled.headers.get('etag')).toBe(get.graphqlJs.headers.get('etag'));
  });

  /** A request naming `op` by document id, as Relay (`doc_id`) or the persisted documents proposal (`documentId`) sends it. */
  let sent = 0;
  const byDocumentId = (op: Operation, name: 'doc_id' | 'documentId', variables: Record<string, unknown>, method: 'GET' | 'POST') => {
    const id = name === 'documentId' ? `sha256:${op.id}` : op.id;
    if (method === 'POST') return { path: '/graphql', init: post(JSON.stringify({ [name]: id, variables }), { accept: 'application/graphql-response+json' }) };
    // Each request a URL of its own (a variable the operation ignores): an edge-cache hit
    // (the two workers share the cache, and cases may repeat) would execute nothing.
    const tag = ++sent;
    return { path: (flag: string) => query({ [name]: id, variables: JSON.stringify({ ...variables, side: `${flag}-${tag}` }) }), init: undefined };
  };

  it.each([
    ['doc_id', 'POST'],
    ['documentId', 'GET'],
  ] as const)('takes requests naming the operation by %s (%s), answering what graphql-js answers', async (name, method) => {
    const pair = compiledPair(NO_MEMO);
    let early = 0;
    // ArticlePageDeferred is not compiled: yoga streams it, in both workers.
    for (const op of OPERATIONS.filter((o) => o.compiled)) {
      for (const variables of casesOf(op).slice(0, 3)) {
        const { path, init } = byDocumentId(op, name, variables, method);
        const answers = await pair(path, init);
        if (expectSameAnswer(op, answers, `${name} ${method} ${JSON.stringify(variables)}`) && !answers.compiled.yoga) early += 1;
      }
    }
    // Every compiled operation has cases without errors, answered before yoga.
    expect(early).toBeGreaterThanOrEqual(OPERATIONS.filter((op) => op.compiled).length);
  }, 60_000);
});

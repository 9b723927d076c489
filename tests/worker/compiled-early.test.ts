import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { Kind } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { withinCostWhateverVariables } from '../../src/http/cost-bound';
import { compiledById } from '../../src/graph/compiled/linked-operations';
import { schema } from '../../src/graph/schema';
import { LIMITS } from '../../src/limits';
import { queryCost } from '../../src/query-rules/query-cost';
import { createWorker } from '../../src/worker';
import { casesOf } from './compiled-cases';
import { compiledPair, expectSameAnswer, NO_MEMO, OPERATIONS, persistedPost, type Operation } from './compiled-pair';
import { seedKv } from './helpers';
import { postJson, send } from './raw-request';
import { freshRateWindow } from '../shared/rate-window';

/**
 * The compiled stage (src/front/compiled.ts): a compiled persisted request answered
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
  it(`counts each request once against the rate limit: ${LIMIT} pass, the next is refused`, { timeout: 60_000 }, async () => {
    await freshRateWindow(env.RATE_LIMIT_PERIOD_SECONDS, 15_000);
    const worker = createWorker();
    const on = { RATE_LIMIT: 'on', RATE_LIMITER: limiter, ALLOW_ARBITRARY_QUERIES: 'false' };
    const client = { 'cf-connecting-ip': '203.0.113.14' };
    // Every third has a forged cursor: executed early, its field error finished there too.
    const variables = (i: number) => (i % 3 === 2 ? { first: 2, after: 'forged' } : { first: i + 1 });
    const answers = [];
    for (let i = 0; i < LIMIT; i++) answers.push(await send(worker, postJson({ variables: variables(i), extensions: hash }, client), on));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => a.headers.get('x-graphql-executor') === 'compiled')).toBe(true);
    expect(answers.filter((a) => a.json?.errors).length).toBe(LIMIT / 3);
    // None went through yoga, not even the answers with errors.
    expect(worker.yogaRequests()).toBe(0);
    const refused = await send(worker, postJson({ variables: { first: 99 }, extensions: hash }, client), on);
    expect(refused.status).toBe(429);
    expect(refused.json?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(worker.yogaRequests()).toBe(0);
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
  ];

  it.each(leftToYoga)('leaves %s to yoga, which answers as graphql-js does', async (_, path, init) => {
    const answers = await compiledPair(NO_MEMO)(path, init);
    expect(answers.compiled.text).toBe(answers.graphqlJs.text);
    expect(answers.compiled.status).toBe(answers.graphqlJs.status);
    expect(answers.compiled.yoga).toBe(true);
  });

  it('finishes a result with errors where it ran (a page size the resolvers refuse), as graphql-js answers it', async () => {
    const answers = await compiledPair(NO_MEMO)('/graphql', post(body({ variables: { first: 1000 } })));
    expect(answers.compiled.text).toBe(answers.graphqlJs.text);
    expect(answers.compiled.status).toBe(answers.graphqlJs.status);
    expect(answers.compiled.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answers.compiled.headers.get('x-graphql-executor')).toBe('compiled');
    expect(answers.compiled.yoga).toBe(false);
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

  // Answers made before yoga for a POST are built with all their headers at once
  // (src/http/response-headers.ts); yoga's answer, patched by the worker, is the reference.
  const allowed = 'https://app.example.com';
  it.each([
    ['a listed origin', allowed, { CORS_ORIGINS: allowed }],
    ['an unlisted origin', 'https://other.example.com', { CORS_ORIGINS: allowed }],
    ['no origin', undefined, { CORS_ORIGINS: allowed }],
    ['any origin allowed', 'https://other.example.com', { CORS_ORIGINS: '*' }],
  ])('answers a compiled request and its memo hit with the headers yoga would send: %s', async (_, origin, cors) => {
    const init = postJson({ variables: { first: 2 }, extensions: hash }, origin ? { origin } : {});
    const early = createWorker();
    const compiled = await send(early, init, cors);
    const hit = await send(early, init, cors);
    const graphqlJs = await send(createWorker(), init, { ...cors, COMPILED_OPERATIONS: 'off' });
    expect(compiled.headers.get('x-graphql-executor')).toBe('compiled');
    expect(hit.headers.get('x-memo')).toBe('HIT');
    expect(early.yogaRequests()).toBe(0);
    const howMade = new Set(['x-graphql-executor', 'x-memo', 'x-kv-stats']);
    const delivered = (r: typeof compiled) => [...r.headers].filter(([name]) => !howMade.has(name));
    expect(graphqlJs.headers.get('x-graphql-executor')).toBeNull();
    expect(delivered(compiled)).toEqual(delivered(graphqlJs));
    expect(delivered(hit)).toEqual(delivered(graphqlJs));
    expect([compiled.text, hit.text]).toEqual([graphqlJs.text, graphqlJs.text]);
    expect(hit.headers.get('x-kv-stats')).toBe('version-reads=0, round-trips=0, operations=0, keys=0, bytes=0, cache-hits=0');
  });

  it('gives each memo hit headers of its own: a change to one answer reaches no other', async () => {
    const early = createWorker();
    const init = postJson({ variables: { first: 1 }, extensions: hash });
    const fetchOnce = async () => {
      const ctx = createExecutionContext();
      const response = await early.fetch(new Request('http://localhost/graphql', init) as Request<unknown, IncomingRequestCfProperties>, env, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    await (await fetchOnce()).text();
    const first = await fetchOnce();
    expect(first.headers.get('x-memo')).toBe('HIT');
    first.headers.set('x-cache', 'CHANGED');
    first.headers.delete('content-type');
    const second = await fetchOnce();
    expect([second.headers.get('x-memo'), second.headers.get('x-cache'), second.headers.get('content-type')]).toEqual([
      'HIT',
      'BYPASS',
      'application/json; charset=utf-8',
    ]);
  });

  it('prices per request only the operations whose variables could take them over the cost limit', () => {
    const compiledOps = OPERATIONS.filter((op) => op.compiled).map((op) => compiledById(op.id)!);
    const pricing = { defaultPageSize: LIMITS.defaultPageSize, maxPageSize: LIMITS.maxPageSize };
    const bounded = compiledOps.filter(withinCostWhateverVariables);
    // Today every persisted operation is (the costliest, EventsList and Search, about 2,200 at
    // their largest pages, under LIMITS.maxCost 5,000); an over-large page is the resolvers' error.
    expect(bounded.length).toBeGreaterThan(0);
    // Whatever the page sizes and list lengths, a bounded operation stays within the limit.
    fc.assert(
      fc.property(fc.constantFrom(...bounded), fc.integer({ min: -5, max: 100_000 }), fc.nat({ max: 500 }), (op, size, length) => {
        const variables: Record<string, unknown> = {};
        for (const definition of op.operation.variableDefinitions ?? []) {
          const list = definition.type.kind === Kind.LIST_TYPE || (definition.type.kind === Kind.NON_NULL_TYPE && definition.type.type.kind === Kind.LIST_TYPE);
          variables[definition.variable.name.value] = list ? new Array(length).fill('x') : size;
        }
        return queryCost(schema, op.document, op.name, variables, pricing) <= LIMITS.maxCost;
      }),
    );
  });
});

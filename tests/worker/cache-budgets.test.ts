import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import events from '../../data/entities/events.json';
import organizations from '../../data/entities/organizations.json';
import people from '../../data/entities/people.json';
import places from '../../data/entities/places.json';
import { parseKvStats, type KvStats } from '../../src/store/kv-stats-header';
import { createWorker } from '../../src/worker';
import articlePage from '../../operations/article-page.graphql?raw';
import { SEED_SLUG } from '../../tools/fixtures/screens';
import { seedKv } from './helpers';

/**
 * The isolate's caches under budgets shrunk by the wrangler vars (src/store/cache-budgets.ts):
 * a stream of distinct requests must keep each cache's accounted bytes within its budget
 * after every request, evict the least recently used entries (the oldest request's documents
 * are read from KV again, the newest's are not), and every answer must equal the answer of a
 * worker with the default budgets, which evicts nothing here.
 */
beforeAll(seedKv);

const SMALL = { DOCUMENT_CACHE_SIZE: '24KiB', RESPONSE_MEMO_SIZE: '8KiB' };

const ENTITY = (field: string) => `query ($slug: String!) { ${field}(slug: $slug) {
  id name(language: "hi") description aliases { language value } articles(first: 5) { totalCount nodes { slug headline } } } }`;
const SEARCH = `query ($q: String!) { search(query: $q, first: 5) { totalCount edges { score node { slug } highlights { paragraph start end } } } }`;
const SUGGEST = `query ($p: String!) { suggest(prefix: $p) { __typename ... on Node { id } } }`;

/** Every entity page, the article page, searches and type-ahead: no two alike. */
const stream: Array<{ query: string; variables: Record<string, unknown> }> = [
  { query: articlePage, variables: { slug: SEED_SLUG } },
  ...people.map((e) => ({ query: ENTITY('person'), variables: { slug: e.slug } })),
  ...events.map((e) => ({ query: ENTITY('event'), variables: { slug: e.slug } })),
  ...places.map((e) => ({ query: ENTITY('place'), variables: { slug: e.slug } })),
  ...organizations.map((e) => ({ query: ENTITY('organization'), variables: { slug: e.slug } })),
  ...['पुतिन', 'किम', 'दौरा', 'putin', 'korea', 'moscow', '"किम जोंग"', 'पुतिन -किम'].map((q) => ({ query: SEARCH, variables: { q } })),
  ...['पु', 'कि', 'put', 'kim', 'mos', 'ru'].map((p) => ({ query: SUGGEST, variables: { p } })),
];

function workerWith(vars: Record<string, string>) {
  const worker = createWorker();
  const bindings = { ...env, ...vars } as typeof env;
  async function send(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: unknown; kv: KvStats }> {
    const ctx = createExecutionContext();
    const request = new Request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, bindings, ctx);
    await waitOnExecutionContext(ctx);
    return { status: response.status, body: await response.json(), kv: parseKvStats(response.headers.get('x-kv-stats')) };
  }
  return { send, isolate: () => worker.isolate()! };
}

describe('isolate caches under budgets shrunk by configuration', () => {
  // Dozens of executed requests through two workers: seconds on a busy two-core machine, over vitest's default 5.
  it('stay within budget after every request, evict the oldest, and answer as an unbounded worker does', { timeout: 30_000 }, async () => {
    const small = workerWith(SMALL);
    const roomy = workerWith({});
    for (const { query, variables } of stream) {
      const expected = await roomy.send(query, variables);
      const got = await small.send(query, variables);
      expect(expected.status).toBe(200);
      expect((expected.body as { errors?: unknown }).errors).toBeUndefined();
      expect(got).toMatchObject({ status: 200, body: expected.body });
      const { documents, responses } = small.isolate();
      expect(documents.stats.bytes).toBeLessThanOrEqual(24 * 1024);
      expect(responses.stats.bytes).toBeLessThanOrEqual(8 * 1024);
    }
    const { documents, responses } = small.isolate();
    expect(documents.stats).toMatchObject({ maxBytes: 24 * 1024 });
    expect(documents.stats.evictions).toBeGreaterThan(0);
    expect(responses.stats.evictions).toBeGreaterThan(0);
    // The roomy worker kept everything: the stream fits its default budgets many times over.
    expect(roomy.isolate().documents.stats).toMatchObject({ evictions: 0, refused: 0 });
    expect(roomy.isolate().responses.stats).toMatchObject({ evictions: 0, refused: 0 });

    // The newest request is still remembered: answered from the memo, no KV read.
    const last = stream.at(-1)!;
    const again = await small.send(last.query, last.variables);
    expect(again.kv).toMatchObject({ keys: 0, cacheHits: 0 });
    // The first request's answer and documents were evicted: executed again, read from KV
    // again (the roomy worker reads nothing), and still the same answer.
    const first = stream[0]!;
    const evicted = await small.send(first.query, first.variables);
    const kept = await roomy.send(first.query, first.variables);
    expect(evicted.body).toEqual(kept.body);
    expect(evicted.kv.keys).toBeGreaterThan(0);
    expect(kept.kv.keys).toBe(0);
    expect(small.isolate().documents.stats.bytes).toBeLessThanOrEqual(24 * 1024);
  });

  it('counts an entry as its value, its key and the bookkeeping, and refuses a value larger than the budget', async () => {
    const tiny = workerWith({ DOCUMENT_CACHE_SIZE: '1KiB', RESPONSE_MEMO_SIZE: '1KiB' });
    const { status, body } = await tiny.send(articlePage, { slug: SEED_SLUG });
    expect(status).toBe(200);
    expect((body as { errors?: unknown }).errors).toBeUndefined();
    const { documents, responses } = tiny.isolate();
    // The article (several KB of JSON) and the answer do not fit: refused, never kept.
    expect(documents.stats.refused).toBeGreaterThan(0);
    expect(responses.stats.refused).toBe(1);
    expect(responses.stats.entries).toBe(0);
    expect(documents.stats.bytes).toBeLessThanOrEqual(1024);
  });

  it('refuses a malformed size with an error naming the var', async () => {
    const bad = workerWith({ DOCUMENT_CACHE_SIZE: '24 megabytes' });
    const { status, body } = await bad.send('{ __typename }', {});
    expect(status).toBe(500);
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'CONFIGURATION_ERROR' }, message: expect.stringContaining('DOCUMENT_CACHE_SIZE') }] });
  });
});

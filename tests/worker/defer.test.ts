import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { meros } from 'meros/browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_SLUG } from '../../tools/fixtures/screens';
import { createWorker } from '../../src/worker';
import { deliveryWorker, persistedId } from './delivery-helpers';
import { faulty } from './faulty-kv';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * @defer on the article page (operations/article-page-deferred.graphql), read as an app reads
 * it: a multipart/mixed response parsed by meros (the multipart reader Relay's and urql's
 * incremental examples use), its parts merged at their paths.
 */
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;
const MULTIPART = 'multipart/mixed, application/json';

beforeAll(async () => {
  const story = (slug: string) => ({
    path: `articles/${slug}.json`,
    text: JSON.stringify({ slug, language: 'en', headline: `Story ${slug}`, datePublished: '2024-06-20', source: 'Test.', paragraphs: ['Text.'], about: ['vladimir-putin'] }),
  });
  await buildAndPublish([...seedFiles(), story('story-a'), story('story-b')]);
}, 60_000);

interface Part { data?: Record<string, any>; incremental?: Array<{ data: Record<string, any>; path: Array<string | number>; label?: string }>; hasNext: boolean; errors?: unknown }

/** Reads every part of a multipart/mixed response and merges the deferred ones in. */
async function readIncremental(response: Response): Promise<{ parts: Part[]; merged: Record<string, any> }> {
  const parts: Part[] = [];
  const stream = await meros<Part>(response);
  if (!(Symbol.asyncIterator in stream)) throw new Error(`not multipart: ${response.headers.get('content-type')}`);
  for await (const part of stream) parts.push(part.json ? part.body : JSON.parse(String(part.body)));
  const merged = structuredClone(parts[0]!.data!);
  for (const part of parts.slice(1)) {
    for (const { data, path } of part.incremental ?? []) {
      const target = path.reduce<any>((at, key) => at[key], merged);
      Object.assign(target, data);
    }
  }
  return { parts, merged };
}

const deferredPage = () =>
  `/graphql?${new URLSearchParams({ documentId: persistedId('ArticlePageDeferred'), variables: JSON.stringify({ slug: SEED_SLUG }) })}`;

describe('@defer on the article page', () => {
  it('sends the text first, then the related stories and each timeline', async () => {
    const response = await deliveryWorker(PRODUCTION)(deferredPage(), { headers: { accept: MULTIPART } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const { parts, merged } = await readIncremental(response);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.data!.article.headline).toBeTruthy();
    expect(parts[0]!.data!.article.related).toBeUndefined();
    expect(parts.at(-1)!.hasNext).toBe(false);
    const labels = parts.flatMap((p) => p.incremental ?? []).map((i) => i.label).sort();
    expect(labels).toEqual(['related', 'timeline', 'timeline']);
    expect(merged.article.related.map((a: { slug: string }) => a.slug).sort()).toEqual(['story-a', 'story-b']);
    const putin = merged.article.people.find((p: { slug: string }) => p.slug === 'vladimir-putin');
    expect(putin.articles.totalCount).toBe(3);
    expect(putin.events.nodes.length).toBeGreaterThan(0);
  });

  it('bypasses the edge cache and the response memo; a JSON-only client gets 406', async () => {
    const send = deliveryWorker(PRODUCTION);
    for (let i = 0; i < 2; i++) {
      const response = await send(deferredPage(), { headers: { accept: MULTIPART } });
      expect(response.headers.get('x-cache')).toBe('BYPASS');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect((await readIncremental(response)).parts.length).toBeGreaterThan(1);
    }
    // Without @defer in the document, the same client's GET is cached as usual.
    const plain = `/graphql?${new URLSearchParams({ documentId: persistedId('ArticlePage'), variables: JSON.stringify({ slug: SEED_SLUG }) })}`;
    await send(plain, { headers: { accept: MULTIPART } });
    expect((await send(plain, { headers: { accept: MULTIPART } })).headers.get('x-cache')).toBe('HIT');
    // A deferred document asked for as JSON only cannot be delivered incrementally: 406, not a half answer.
    const json = await send(deferredPage(), { headers: { accept: 'application/json' } });
    expect(json.status).toBe(406);
  });

  it('streams a list with @stream: the first items at once, the rest in further parts', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' })('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: `{ article(slug: "${SEED_SLUG}") { paragraphs @stream(initialCount: 1) { index } } }` }),
    });
    const parts: Part[] = [];
    for await (const part of (await meros<Part>(response)) as AsyncIterable<{ body: Part }>) parts.push(part.body);
    expect(parts[0]!.data!.article.paragraphs).toEqual([{ index: 0 }]);
    const streamed = parts.slice(1).flatMap((p) => p.incremental ?? []).flatMap((i) => (i as { items?: unknown[] }).items ?? []);
    expect([{ index: 0 }, ...streamed]).toEqual([0, 1, 2, 3, 4].map((index) => ({ index })));
    expect(parts.at(-1)!.hasNext).toBe(false);
  });

  it('applies the limits and the cost to deferred fragments', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' });
    const post = (query: string) =>
      send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: MULTIPART }, body: JSON.stringify({ query }) });
    const costly = await post(`{ articles(first: 100) { nodes { ... @defer { people { articles(first: 100) { nodes { slug headline } } } } } } }`);
    // Refused before anything runs: one JSON error (200, as application/json answers errors), no parts.
    expect(costly.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await costly.json()).toMatchObject({ errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost' } }] });
    const nest = 'people { articles { nodes { '.repeat(4) + 'slug' + ' } } }'.repeat(4);
    const deep = await post(`{ article(slug: "${SEED_SLUG}") { ... @defer { ${nest} } } }`);
    expect(((await deep.json()) as { errors: Array<{ extensions: { limit?: string } }> }).errors[0]!.extensions.limit).toBe('maxDepth');
  });

  it('reads KV in 2 round trips cold (article and related; then the timelines), none warm', async () => {
    const kv = faulty(env.NEWS, {});
    const worker = createWorker();
    const testEnv = { ...env, ...PRODUCTION, NEWS: kv.kv } as Env;
    const run = async () => {
      const ctx = createExecutionContext();
      const request = new Request(new URL(deferredPage(), 'http://localhost'), { headers: { accept: 'multipart/mixed' } });
      const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
      await readIncremental(response);
      await waitOnExecutionContext(ctx);
    };
    await run();
    const dataReads = (calls: string[][]) => calls.filter((keys) => !keys.includes('current'));
    expect(kv.calls.filter((keys) => keys.includes('current'))).toHaveLength(1);
    expect(dataReads(kv.calls)).toHaveLength(2);
    const before = kv.calls.length;
    await run();
    expect(kv.calls.length).toBe(before);
  });
});

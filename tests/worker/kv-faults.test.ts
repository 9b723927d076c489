import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker';
import { faulty, type Faults } from './faulty-kv';
import { seedKv } from './helpers';

/**
 * What readers see when KV misbehaves: a failed or corrupt document read costs the fields
 * that needed it (errors at their paths, HTTP 200) and nothing else; no readable data-version
 * pointer answers 503 with Retry-After. Nothing a fault produced is cached.
 */
const ARTICLE = 'putin-to-visit-north-korea-next-week';
const QUERY = `query($s: String!) {
  article(slug: $s) { headline people { slug description } places { slug wikidataId } }
  dataVersion { id }
}`;

type Body = {
  data?: { article: null | { headline: string; people: Array<{ slug: string; description: string | null }>; places: Array<{ slug: string; wikidataId: string | null }> } };
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
};

async function ask(worker: ReturnType<typeof createWorker>, faults: Faults, bindings: Partial<Env> = {}) {
  const fake = faulty(env.NEWS, faults);
  const ctx = createExecutionContext();
  const request = new Request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { s: ARTICLE } }),
  });
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...bindings, NEWS: fake.kv }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body, calls: fake.calls };
}

const isEntity = (slug: string) => (key: string) => key.endsWith(`:e:${slug}`);

describe('KV faults', () => {
  beforeAll(seedKv);

  it('answers normally through the wrapper when no fault is set', async () => {
    const { status, body } = await ask(createWorker(), {});
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.article!.people.map((p) => p.slug)).toEqual(['vladimir-putin', 'kim-jong-un']);
    expect(body.data!.article!.people.every((p) => typeof p.description === 'string')).toBe(true);
  });

  it('a failed read of the entities yields the article with errors at exactly the fields that needed them', async () => {
    const { status, body, calls } = await ask(createWorker(), { fail: isEntity('vladimir-putin') });
    expect(status).toBe(200);
    const article = body.data!.article!;
    expect(article.headline.length).toBeGreaterThan(0);
    // Slugs need no read; descriptions and Wikidata IDs come from the entity documents,
    // which were fetched in one bulk get that failed as a whole.
    expect(article.people.map((p) => p.slug)).toEqual(['vladimir-putin', 'kim-jong-un']);
    expect(article.people.every((p) => p.description === null)).toBe(true);
    const entityCalls = calls.filter((keys) => keys.some((k) => k.includes(':e:')));
    expect(entityCalls).toHaveLength(1);
    const paths = body.errors!.map((e) => e.path!.join('.')).sort();
    const expected = [
      ...article.people.map((_, i) => `article.people.${i}.description`),
      ...article.places.map((_, i) => `article.places.${i}.wikidataId`),
    ].sort();
    expect(paths).toEqual(expected);
    expect(new Set(body.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['DATA_UNAVAILABLE']));
    expect(body.data!).toHaveProperty('dataVersion.id');
  });

  it('a corrupt document costs only its own fields', async () => {
    const { status, body } = await ask(createWorker(), { corrupt: isEntity('vladimir-putin') });
    expect(status).toBe(200);
    expect(body.errors!.map((e) => [e.path!.join('.'), e.extensions?.code, e.message])).toEqual([
      ['article.people.0.description', 'DATA_UNAVAILABLE', expect.stringContaining('is not valid JSON')],
    ]);
    expect(body.data!.article!.people[0]!.description).toBeNull();
    expect(typeof body.data!.article!.people[1]!.description).toBe('string');
    expect(body.data!.article!.places.every((p) => p.wikidataId !== undefined)).toBe(true);
  });

  it('slow reads give the same answer in the same number of round trips', async () => {
    const quick = await ask(createWorker(), {});
    const slow = await ask(createWorker(), { delayMs: 40 });
    expect(slow.status).toBe(200);
    expect(slow.body).toEqual(quick.body);
    expect(slow.calls).toEqual(quick.calls);
  });

  it('nothing a fault produced is cached: the same isolate answers fully once KV recovers', async () => {
    const expected = (await ask(createWorker(), {})).body;
    const failing = createWorker();
    const failed = await ask(failing, { fail: (key) => key.includes(':e:') });
    expect(failed.body.errors!.length).toBeGreaterThan(0);
    expect((await ask(failing, {})).body).toEqual(expected);

    const corrupting = createWorker();
    const corrupt = await ask(corrupting, { corrupt: (key) => key.includes(':a:') });
    expect(corrupt.status).toBe(200);
    expect(corrupt.body.data!.article).toBeNull();
    expect(corrupt.body.errors!.map((e) => e.path)).toEqual([['article']]);
    expect((await ask(corrupting, {})).body).toEqual(expected);
  });

  it.each([
    ['missing', undefined, 'No data version has been published yet; retry later.'],
    ['unreadable', { corrupt: (key: string) => key === 'current' }, 'The data-version pointer is unreadable; retry later.'],
    ['failing', { fail: (key: string) => key === 'current' }, 'Reading the data-version pointer failed; retry later.'],
  ] as const)('a %s data-version pointer answers 503 with Retry-After', async (kind, faults, message) => {
    let saved: string | null = null;
    if (kind === 'missing') {
      saved = await env.NEWS.get('current');
      await env.NEWS.delete('current');
    }
    try {
      const { status, headers, body } = await ask(createWorker(), faults ?? {});
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBe('30');
      expect(body.errors![0]).toMatchObject({ message, extensions: { code: 'DATA_UNAVAILABLE' } });
      expect(JSON.stringify(body)).not.toContain('"http"');
    } finally {
      if (saved !== null) await env.NEWS.put('current', saved);
    }
  });

  it('an unexpected error (a document of the wrong shape) is masked in production, shown in development', async () => {
    const faults = { replace: (key: string) => (key.includes(':a:') ? '{"type":"Article"}' : undefined) };
    const query = await ask(createWorker(), faults);
    expect(query.status).toBe(200);
    const error = query.body.errors!.find((e) => e.path?.join('.') === 'article.headline' || e.path?.[0] === 'article');
    expect(error).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(query.body)).not.toMatch(/TypeError|originalError|stack|\.ts:\d+/);

    const dev = await ask(createWorker(), faults, { ENVIRONMENT: 'development' });
    const devError = dev.body.errors!.find((e) => e.path?.[0] === 'article');
    // yoga's development mode keeps the message masked but attaches the original error.
    expect(devError!.extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      originalError: { message: expect.stringContaining('Cannot return null for non-nullable field') },
    });
  });
});

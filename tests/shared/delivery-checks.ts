import { expect } from 'vitest';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import manifest from '../../public/persisted-query-manifest.json';
import { sha256Hex } from '../../src/text/sha256-hex';

/**
 * Persisted-operation and HTTP-caching checks, one list for the workerd tests
 * (tests/worker/delivery-checks.test.ts) and the real `wrangler dev` server
 * (tests/e2e/delivery-checks.test.ts). A check states the vars it needs; each side runs it
 * where they hold, and passes the vars in force so expectations follow the configuration.
 */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export interface DeliveryCheck {
  name: string;
  needs: Readonly<Record<string, string>>;
  run: (send: Send, vars: Readonly<Record<string, string>>) => Promise<void>;
}

export const SEED_SLUG = seedArticle.slug;
const PERSISTED_ONLY = { ALLOW_ARBITRARY_QUERIES: 'false' };
const SPEC = 'application/graphql-response+json';
/** What Apollo Client 4 and urql 6 send: two spellings of one preference (Apollo Client 3 sends any type). */
export const APOLLO_CLIENT_4_ACCEPT = 'application/graphql-response+json,application/json;q=0.9';
export const URQL_ACCEPT = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';

/** The id of a persisted operation of the built manifest, by operation name. */
export function persistedId(name: string): string {
  const operation = manifest.operations.find((op) => op.name === name);
  if (!operation) throw new Error(`no persisted operation named ${name}`);
  return operation.id;
}

/** A GET URL for a persisted operation, as Apollo's and urql's persisted-query links build it. */
export function persistedGetUrl(name: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({
    operationName: name,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: persistedId(name) } }),
  });
  return `/graphql?${params}`;
}

/** Each check asks for its own URL (a `tag` variable the operation ignores), so its cache starts cold. */
const articleUrl = (tag: string) => persistedGetUrl('ArticlePage', { slug: SEED_SLUG, tag });
const hashed = (name: string, variables: Record<string, unknown>) =>
  JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedId(name) } } });
/** What an unregistered hash is told where only registered operations run. */
const NOT_REGISTERED =
  'This persisted operation is not registered: only the operations registered at build run here (see /persisted-query-manifest.json).';
const codes = async (response: Response) =>
  ((await response.json()) as { errors?: Array<{ extensions: { code: string } }> }).errors?.map((e) => e.extensions.code);

export const deliveryChecks: readonly DeliveryCheck[] = [
  {
    name: 'runs a persisted operation named by hash over GET',
    needs: {},
    run: async (send) => {
      const response = await send(articleUrl('get'));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { article: { headline: string } } };
      expect(body.data.article.headline).toBe(seedArticle.headline);
    },
  },
  {
    name: 'runs a persisted operation named by hash over POST, with variables',
    needs: {},
    run: async (send) => {
      const response = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: SPEC }, body: hashed('PersonPage', { slug: 'vladimir-putin' }) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { person: { slug: string; articles: { totalCount: number } } } };
      expect(body.data.person.slug).toBe('vladimir-putin');
      expect(body.data.person.articles.totalCount).toBeGreaterThan(0);
    },
  },
  {
    name: 'an unknown hash: PERSISTED_QUERY_NOT_FOUND, 400 with graphql-response+json, 200 with application/json (APQ clients)',
    needs: {},
    run: async (send, vars) => {
      const extensions = { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } };
      // Over GET (cacheable): an error is never kept.
      const spec = await send(`/graphql?${new URLSearchParams({ extensions: JSON.stringify(extensions) })}`, { headers: { accept: SPEC } });
      expect([spec.status, await codes(spec)]).toEqual([400, ['PERSISTED_QUERY_NOT_FOUND']]);
      expect(spec.headers.get('cache-control')).toBe('no-store');
      const body = JSON.stringify({ extensions });
      const json = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
      expect(json.status).toBe(200);
      // Where a retry with the query would run, the exact message APQ clients retry on; where
      // only registered operations run, a message saying what is wrong.
      const message = vars.ALLOW_ARBITRARY_QUERIES === 'true' ? 'PersistedQueryNotFound' : NOT_REGISTERED;
      expect(await json.json()).toEqual({ errors: [{ message, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    },
  },
  {
    name: 'an APQ retry where only registered operations run: an unregistered hash is PERSISTED_QUERY_NOT_FOUND, a registered one runs',
    needs: PERSISTED_ONLY,
    run: async (send) => {
      const query = '{ dataVersion { id } }';
      const retry = (text: string, sha256Hash: string) =>
        send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash } } }) });
      const unregistered = await retry(query, await sha256Hex(query));
      expect(await unregistered.json()).toEqual({ errors: [{ message: NOT_REGISTERED, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      const registered = manifest.operations.find((op) => op.name === 'DataVersion')!;
      const ran = await retry(registered.body, registered.id);
      expect(ran.status).toBe(200);
      const answer = (await ran.json()) as { data?: { dataVersion: { id: string } }; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.dataVersion.id).toMatch(/\S/);
    },
  },
  {
    name: 'a deferred answer is never stored: Cache-Control no-store for multipart/mixed alone, over GET and POST',
    needs: {},
    run: async (send) => {
      const variables = { slug: SEED_SLUG };
      const get = await send(persistedGetUrl('ArticlePageDeferred', variables), { headers: { accept: 'multipart/mixed' } });
      const post = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'multipart/mixed' }, body: hashed('ArticlePageDeferred', variables) });
      for (const response of [get, post]) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(new TextDecoder().decode(await response.arrayBuffer())).toContain(seedArticle.headline);
      }
    },
  },
  {
    name: 'exposes Retry-After (and the API\'s own headers) to scripts in browsers',
    needs: {},
    run: async (send) => {
      const response = await send(articleUrl('cors'), { headers: { origin: 'https://app.example' } });
      const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
      expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'etag', 'x-cache', 'x-data-version']));
      await response.text();
    },
  },
  {
    name: 'refuses a query text where only persisted operations run',
    needs: PERSISTED_ONLY,
    run: async (send) => {
      const response = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: SPEC }, body: JSON.stringify({ query: '{ dataVersion { id } }' }) });
      expect([response.status, await codes(response)]).toEqual([400, ['PERSISTED_QUERY_ONLY']]);
    },
  },
  {
    name: 'a first GET is a MISS with Cache-Control, ETag and the data version; the second a HIT',
    needs: {},
    run: async (send, vars) => {
      const url = articleUrl('miss-hit');
      const first = await send(url);
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(first.headers.get('cache-control')).toBe(`public, max-age=${vars.CACHE_MAX_AGE}, stale-while-revalidate=${vars.CACHE_STALE_WHILE_REVALIDATE}`);
      expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
      expect(first.headers.get('x-data-version')).toMatch(/\S/);
      const firstBody = await first.text();
      const second = await send(url);
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(await second.text()).toBe(firstBody);
    },
  },
  {
    name: 'answers If-None-Match with 304 and no body',
    needs: {},
    run: async (send) => {
      const url = articleUrl('etag');
      const etag = (await send(url)).headers.get('etag')!;
      const revalidated = await send(url, { headers: { 'if-none-match': etag } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('etag')).toBe(etag);
      expect(await revalidated.text()).toBe('');
      expect((await send(url, { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);
    },
  },
  {
    name: 'keys and tags the cache by negotiated media type: one entry per type, whatever the Accept spelling',
    needs: {},
    run: async (send) => {
      const url = articleUrl('accept');
      const plain = await send(url, { headers: { accept: 'application/json' } });
      const apollo4 = await send(url, { headers: { accept: APOLLO_CLIENT_4_ACCEPT } });
      const urql = await send(url, { headers: { accept: URQL_ACCEPT } });
      const apollo3 = await send(url, { headers: { accept: '*/*' } });
      expect([plain, apollo4, urql, apollo3].map((r) => r.headers.get('x-cache'))).toEqual(['MISS', 'MISS', 'HIT', 'HIT']);
      expect(apollo3.headers.get('etag')).toBe(plain.headers.get('etag'));
      expect(plain.headers.get('content-type')).toContain('application/json');
      expect(apollo4.headers.get('content-type')).toContain(SPEC);
      expect(urql.headers.get('content-type')).toContain(SPEC);
      expect(apollo4.headers.get('vary')).toContain('Accept');
      // One representation, one strong validator (RFC 9110 8.8.3): the types differ, so do the tags.
      expect(apollo4.headers.get('etag')).not.toBe(plain.headers.get('etag'));
      expect(urql.headers.get('etag')).toBe(apollo4.headers.get('etag'));
    },
  },
  {
    name: 'does not cache POST (x-cache: BYPASS)',
    needs: {},
    run: async (send) => {
      const response = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: hashed('LatestArticles', {}) });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('BYPASS');
    },
  },
];

import { readFileSync } from 'node:fs';
import { cacheExchange, Client, fetchExchange, gql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { describe, expect, inject, it } from 'vitest';
import { SEED_SLUG } from '../shared/delivery-checks';
import { exchanges, recordingFetch } from './recording-fetch';

/**
 * The real urql (@urql/core 6 with @urql/exchange-persisted) with its defaults (the document as
 * urql formats it, hashed with SHA-256) and GET for persisted queries, against the real
 * `wrangler dev` server: it must hit the manifest with one GET and no retry with the query text.
 * docs/clients.md describes this set-up.
 */
const operation = (file: string) => gql(readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8'));

describe.each(inject('servers'))('urql against wrangler dev ($name)', ({ origin }) => {
  it('runs ArticlePage by hash over GET', async () => {
    const { fetch: recorder, requests } = recordingFetch();
    const client = new Client({
      url: `${origin}/graphql`,
      fetch: recorder,
      exchanges: [cacheExchange, persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    });
    const result = await client.query(operation('article-page.graphql'), { slug: SEED_SLUG }).toPromise();
    expect(result.error).toBeUndefined();
    expect((result.data as { article: { slug: string } }).article.slug).toBe(SEED_SLUG);
    expect(exchanges(requests)).toEqual([{ method: 'GET', status: 200 }]);
    expect(new URL(requests[0]!.url).searchParams.has('query')).toBe(false);
  });
});

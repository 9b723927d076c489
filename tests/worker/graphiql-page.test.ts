import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../../src/graphiql/render-graphiql';
import { deliveryWorker } from './delivery-helpers';

const asBrowser = { headers: { accept: 'text/html,application/xhtml+xml' } };

describe('GraphiQL page', () => {
  it('loads every script and style from this origin and opens with the example query', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' })('/graphql', asBrowser);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('x-cache')).toBe('BYPASS');
    const html = await response.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual(['data:,', '/graphiql/graphiql.css', '/graphiql/yoga-graphiql.umd.js']);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(JSON.stringify(EXAMPLE_QUERY).slice(1, 40));
    expect(EXAMPLE_QUERY).toContain('putin-to-visit-north-korea-next-week');
  });

  it('is off where only persisted operations run (it could not send a query)', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false' })('/graphql', asBrowser);
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});

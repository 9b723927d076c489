import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/model/global-id';
import { deliveryWorker, persistedGetUrl, persistedId, SEED_SLUG } from './delivery-helpers';
import { seedKv } from './helpers';

/**
 * Every screen has a persisted operation, and an app may name one by any of the three ways
 * clients send ids: `extensions.persistedQuery.sha256Hash` (Apollo, urql), `documentId` (the
 * GraphQL-over-HTTP persisted documents proposal, with or without `sha256:`) and `doc_id` (Relay).
 */
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;
const accept = 'application/graphql-response+json';

beforeAll(seedKv);

async function run(name: string, variables: Record<string, unknown>) {
  const response = await deliveryWorker(PRODUCTION)(persistedGetUrl(name, variables));
  const body = (await response.json()) as { data: Record<string, any>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('persisted operations for every screen', () => {
  it('place, organization, events list, person events, node and nodes', async () => {
    const place = await run('PlacePage', { slug: 'pyongyang' });
    expect(place.place).toMatchObject({ slug: 'pyongyang', kind: 'CITY', country: { slug: 'north-korea' } });
    expect(place.place.events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain('putin-visit-to-north-korea-2024');

    const organization = await run('OrganizationPage', { slug: 'nhk' });
    expect(organization.organization.articles.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([SEED_SLUG]);

    const events = await run('EventsList', { first: 2, orderBy: { direction: 'DESC' } });
    expect(events.events.edges).toHaveLength(2);
    const next = await run('EventsList', { first: 2, after: events.events.pageInfo.endCursor, orderBy: { direction: 'DESC' } });
    expect(next.events.edges[0].node.startDate <= events.events.edges[1].node.startDate).toBe(true);

    const first = await run('PersonEvents', { slug: 'kim-jong-un', first: 2 });
    const rest = await run('PersonEvents', { slug: 'kim-jong-un', after: first.person.events.pageInfo.endCursor });
    expect([...first.person.events.edges, ...rest.person.events.edges].map((e: { node: { slug: string } }) => e.node.slug)).toEqual([
      'putin-kim-summit-2019',
      'putin-kim-summit-2023',
      'russia-day-2024',
      'putin-visit-to-north-korea-2024',
    ]);

    const kim = toGlobalId('Person', 'kim-jong-un');
    const node = await run('Node', { id: kim, language: 'en' });
    expect(node.node).toEqual({ __typename: 'Person', id: kim, slug: 'kim-jong-un', name: 'Kim Jong Un' });
    const nodes = await run('Nodes', { ids: [toGlobalId('Article', SEED_SLUG), kim, toGlobalId('Place', 'nowhere')] });
    expect(nodes.nodes.map((n: { slug: string } | null) => n?.slug ?? null)).toEqual([SEED_SLUG, 'kim-jong-un', null]);
  });
});

describe('the ways a client names a persisted operation', () => {
  const id = persistedId('Node');
  const variables = { id: toGlobalId('Person', 'vladimir-putin'), language: 'en' };
  const post = (body: Record<string, unknown>) =>
    deliveryWorker(PRODUCTION)('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });

  it.each([
    ['doc_id (Relay), POST', () => post({ doc_id: id, variables })],
    ['documentId, POST', () => post({ documentId: id, variables })],
    ['documentId with sha256: prefix, POST', () => post({ documentId: `sha256:${id}`, variables })],
    ['documentId, GET', () => deliveryWorker(PRODUCTION)(`/graphql?${new URLSearchParams({ documentId: id, variables: JSON.stringify(variables) })}`, { headers: { accept } })],
    ['doc_id, GET', () => deliveryWorker(PRODUCTION)(`/graphql?${new URLSearchParams({ doc_id: id, variables: JSON.stringify(variables) })}`, { headers: { accept } })],
  ])('%s', async (_, send) => {
    const response = await send();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { node: { name: string } } };
    expect(body.data.node.name).toBe('Vladimir Putin');
  });

  it('caches a GET by documentId at the edge, and refuses unknown ids and bad JSON', async () => {
    const send = deliveryWorker(PRODUCTION);
    const url = `/graphql?${new URLSearchParams({ documentId: id, variables: JSON.stringify(variables) })}`;
    await send(url);
    expect((await send(url)).headers.get('x-cache')).toBe('HIT');
    const unknown = await post({ documentId: '0'.repeat(64) });
    expect(((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const bad = await send(`/graphql?documentId=${id}&variables=%7Bnope`, { headers: { accept } });
    expect(bad.status).toBe(400);
  });
});

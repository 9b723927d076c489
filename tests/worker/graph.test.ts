import { beforeAll, describe, expect, it } from 'vitest';
import { freshWorker, seedKv } from './helpers';
import { SEED_SLUG } from '../../tools/fixtures/screens';

beforeAll(seedKv);
const query = freshWorker();

describe('people and events', () => {
  it("lists Kim Jong Un's events in date order", async () => {
    const r = await query(`{ person(slug: "kim-jong-un") { events { totalCount nodes { slug startDate location { slug } } } } }`);
    const events = r.body.data?.person.events;
    expect(events.nodes.map((e: { slug: string }) => e.slug)).toEqual([
      'putin-kim-summit-2019',
      'putin-kim-summit-2023',
      'russia-day-2024',
      'putin-visit-to-north-korea-2024',
    ]);
    expect(events.nodes.map((e: { location: { slug: string } }) => e.location.slug)).toEqual([
      'vladivostok',
      'vostochny-cosmodrome',
      'russia',
      'pyongyang',
    ]);
    expect(events.totalCount).toBe(4);
  });

  it("includes the seed article among Putin's articles", async () => {
    const r = await query(`{ person(slug: "vladimir-putin") { articles { totalCount nodes { slug } } } }`);
    expect(r.body.data?.person.articles.nodes.map((a: { slug: string }) => a.slug)).toContain(SEED_SLUG);
  });

  it('names an entity in the language asked for, falling back to its default', async () => {
    const r = await query(`{ p: person(slug: "vladimir-putin") {
      hi: name(language: "hi") hiIN: name(language: "hi-IN") en: name fr: name(language: "fr")
      ru: name(language: "ru") descriptionHi: description(language: "hi")
    } }`);
    expect(r.body.data?.p).toEqual({
      hi: 'व्लादिमीर पुतिन',
      hiIN: 'व्लादिमीर पुतिन',
      en: 'Vladimir Putin',
      fr: 'Vladimir Putin',
      ru: 'Владимир Путин',
      descriptionHi: 'रूस के राष्ट्रपति।',
    });
  });

  it('resolves an event: dates, precision, status, place and participants', async () => {
    const r = await query(`{ event(slug: "putin-visit-to-north-korea-2024") {
      startDate endDate datePrecision status location { name country { name } }
      participants { __typename ... on Person { slug } ... on Place { slug } }
      articles { nodes { slug } }
    } }`);
    expect(r.body.data?.event).toEqual({
      startDate: '2024-06-18',
      endDate: '2024-06-19',
      datePrecision: 'DAY',
      status: 'OCCURRED',
      location: { name: 'Pyongyang', country: { name: 'North Korea' } },
      participants: [
        { __typename: 'Person', slug: 'vladimir-putin' },
        { __typename: 'Person', slug: 'kim-jong-un' },
        { __typename: 'Place', slug: 'russia' },
        { __typename: 'Place', slug: 'north-korea' },
      ],
      articles: { nodes: [{ slug: SEED_SLUG }] },
    });
  });

  it('answers null for unknown slugs, and for a slug of another kind', async () => {
    const r = await query(`{
      article(slug: "no-such-article") { id } person(slug: "nobody") { id } event(slug: "x") { id }
      place(slug: "atlantis") { id } organization(slug: "acme") { id } wrongKind: person(slug: "moscow") { id }
    }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({
      article: null, person: null, event: null, place: null, organization: null, wrongKind: null,
    });
  });
});

describe('node(id)', () => {
  it('round-trips every ID the API issues', async () => {
    const r = await query(`{
      articles(first: 100) { nodes { id __typename } }
      people(first: 100) { nodes { id __typename } }
      events(first: 100) { nodes { id __typename } }
      article(slug: "${SEED_SLUG}") { places { id __typename } organizations { id __typename } }
    }`);
    const d = r.body.data!;
    const all = [
      ...d.articles.nodes, ...d.people.nodes, ...d.events.nodes, ...d.article.places, ...d.article.organizations,
    ] as Array<{ id: string; __typename: string }>;
    expect(all.length).toBe(1 + 2 + 7 + 11 + 2);
    const back = await query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids: all.map((n) => n.id) });
    expect(back.body.data?.nodes).toEqual(all);
    for (const n of all.slice(0, 3)) {
      const one = await query(`query ($id: ID!) { node(id: $id) { id __typename } }`, { id: n.id });
      expect(one.body.data?.node).toEqual(n);
    }
  });

  it('answers null for a well-formed ID of nothing, and BAD_USER_INPUT for a forged one', async () => {
    const unknown = btoa('Person:nobody').replace(/=+$/, '');
    const r = await query(`query ($a: ID!) { node(id: $a) { id } }`, { a: unknown });
    expect(r.body.data?.node).toBeNull();
    const forged = await query(`{ node(id: "not an id!") { id } }`);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const otherType = await query(`query ($a: ID!) { node(id: $a) { id } }`, { a: btoa('User:1') });
    expect(otherType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

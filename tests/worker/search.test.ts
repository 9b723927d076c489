import { beforeAll, describe, expect, it } from 'vitest';
import data from '../../.build/kv-data.json';
import pointerEntries from '../../.build/kv-pointer.json';
import { searchArticleKey, searchShardKey } from '../../src/model/keys';
import { freshWorker, seedKv } from './helpers';

const pointer = JSON.parse(pointerEntries[0]!.value) as { version: string };

/**
 * Search and suggest over the real build output (the seed article and the knowledge base),
 * through the worker and Miniflare's local KV.
 */
const SEED = 'putin-to-visit-north-korea-next-week';
const SEARCH = `query($q: String!, $first: Int, $after: String, $filter: SearchFilter) {
  search(query: $q, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score node { slug headline paragraphs { text } } highlights { paragraph start end } }
  }
}`;
const SUGGEST = `query($p: String!, $first: Int) {
  suggest(prefix: $p, first: $first) { __typename ... on Person { slug } ... on Place { slug } ... on Event { slug } ... on Organization { slug } }
}`;

beforeAll(seedKv);

async function search(q: string, filter?: Record<string, unknown>) {
  const query = freshWorker();
  return query(SEARCH, { q, filter });
}

const slugs = (body: { data?: Record<string, any> }) =>
  (body.data?.search.edges as Array<{ node: { slug: string } }>).map((e) => e.node.slug);

describe('search finds the seed article', () => {
  it.each([
    ['दौरा', 'the base form'],
    ['दौरे', 'an inflected form (oblique)'],
    ['putin', 'a Latin name, through the linked person and the name key'],
    ['Putin', 'a capitalised Latin name'],
    ['पुतिन', 'the Devanagari name'],
    ['kim jong un', 'a Latin multi-word name'],
    ['"किम जोंग उन"', 'a Devanagari phrase'],
    ['"उत्तर कोरिया का दौरा"', 'a phrase with a stopword inside'],
    ['vladimir', 'a first name in Latin letters'],
    ['उपग्रह OR satellite', 'OR'],
  ])('%s (%s)', async (q) => {
    const { body } = await search(q);
    expect(body.errors).toBeUndefined();
    expect(slugs(body)).toEqual([SEED]);
  });

  it('marks the matched words: headline as paragraph -1, body offsets that slice to the word', async () => {
    const { body } = await search('दौरे');
    const edge = body.data!.search.edges[0];
    const texts = [edge.node.headline, ...edge.node.paragraphs.map((p: { text: string }) => p.text)];
    const marked = edge.highlights.map((h: { paragraph: number; start: number; end: number }) =>
      texts[h.paragraph + 1]!.slice(h.start, h.end),
    );
    expect(edge.highlights[0].paragraph).toBe(-1);
    expect(new Set(marked)).toEqual(new Set(['दौरा', 'दौरे']));
    expect(edge.score).toBeGreaterThan(0);
  });

  it('marks पुतिन for the Latin query putin', async () => {
    const { body } = await search('putin');
    const edge = body.data!.search.edges[0];
    const marked = edge.highlights.map((h: { paragraph: number; start: number; end: number }) =>
      (h.paragraph < 0 ? edge.node.headline : edge.node.paragraphs[h.paragraph].text).slice(h.start, h.end),
    );
    expect(marked.length).toBeGreaterThan(5);
    expect(new Set(marked)).toEqual(new Set(['पुतिन']));
  });
});

describe('search narrows', () => {
  it.each([
    ['दौरा -पुतिन', 'an excluded word'],
    ['दौरा -"उत्तर कोरिया"', 'an excluded phrase'],
    ['"कोरिया उत्तर"', 'a phrase in the wrong order'],
    ['दौरा +cricket', 'a required word no article has'],
    ['दौरा AND cricket', 'AND: both required'],
  ])('%s finds nothing (%s)', async (q) => {
    const { body } = await search(q);
    expect(body.errors).toBeUndefined();
    expect(body.data!.search.totalCount).toBe(0);
  });

  it('दौरा cricket (best match: no article has both) gives the best of what matches', async () => {
    const { body } = await search('दौरा cricket');
    expect(body.errors).toBeUndefined();
    expect(body.data!.search.totalCount).toBe(1);
    expect(body.data!.search.edges[0].node.slug).toBe('putin-to-visit-north-korea-next-week');
  });

  it.each([
    [{ language: 'hi' }, 1],
    [{ language: 'en' }, 0],
    [{ person: 'kim-jong-un' }, 1],
    [{ person: 'nobody' }, 0],
    [{ event: 'putin-kim-summit-2019' }, 1],
    [{ place: 'moscow' }, 1],
    [{ publishedFrom: '2024-06-12', publishedTo: '2024-06-12' }, 1],
    [{ publishedFrom: '2024-06-13' }, 0],
    [{ publishedTo: '2024-06-11' }, 0],
  ])('filter %j keeps %i', async (filter, count) => {
    const { body } = await search('putin', filter);
    expect(body.errors).toBeUndefined();
    expect(body.data!.search.totalCount).toBe(count);
  });
});

describe('bad queries', () => {
  it.each([
    [''],
    ['   '],
    ['x'.repeat(257)],
    [Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ')],
    ['-putin'],
  ])('%j is BAD_USER_INPUT', async (q) => {
    const { status, body } = await search(q);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('a bad date filter is BAD_USER_INPUT', async () => {
    const { body } = await search('putin', { publishedFrom: '12 June' });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('a stopword-only query finds nothing, without error', async () => {
    const { body } = await search('का और');
    expect(body.errors).toBeUndefined();
    expect(body.data!.search.totalCount).toBe(0);
  });
});

describe('KV reads', () => {
  it('a cold search is the pointer, one bulk read of postings, then the page\'s articles: two round trips', async () => {
    const { body, kv } = await search('पुतिन दौरे');
    expect(body.errors).toBeUndefined();
    expect(kv.versionReads).toBe(1);
    expect(kv.roundTrips).toBe(2);
    expect(kv.operations).toBe(2);
    // One article: one posting shard holds every term; then the article by its document number.
    const read = [searchShardKey(pointer.version, 0), searchArticleKey(pointer.version, 0)];
    expect(kv.keys).toBe(read.length);
    const stored = new Map(data.map((e) => [e.key, e.value]));
    expect(kv.bytes).toBe(read.reduce((n, key) => n + new TextEncoder().encode(stored.get(key)!).length, 0));
  });

  it('a warm isolate answers the same search from its cache', async () => {
    const query = freshWorker();
    await query(SEARCH, { q: 'पुतिन' });
    const { kv } = await query(SEARCH, { q: 'पुतिन' });
    expect(kv.roundTrips).toBe(0);
    expect(kv.bytes).toBe(0);
  });
});

describe('suggest', () => {
  it.each([
    ['किम', 'kim-jong-un'],
    ['kim', 'kim-jong-un'],
    ['पुत', 'vladimir-putin'],
    ['put', 'vladimir-putin'],
    ['jong', 'kim-jong-un'],
    ['व्लादि', 'vladimir-putin'],
  ])('%s suggests %s first', async (p, slug) => {
    const query = freshWorker();
    const { body, kv } = await query(SUGGEST, { p });
    expect(body.errors).toBeUndefined();
    expect(body.data!.suggest[0].slug).toBe(slug);
    expect(kv.roundTrips).toBe(1);
  });

  it('rejects a blank prefix', async () => {
    const query = freshWorker();
    const { body } = await query(SUGGEST, { p: ' ' });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

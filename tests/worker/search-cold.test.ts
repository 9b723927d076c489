import { beforeAll, describe, expect, it } from 'vitest';
import { searchArticleKey, searchShardKey } from '../../src/model/keys';
import { parseQuery } from '../../src/search/parse-query';
import { queryTerms } from '../../src/search/rank';
import { searchLayout, shardOf, type PostingShard } from '../../src/search/index-format';
import { unpackList } from '../../src/search/packed-list';
import type { CompiledData } from '../../tools/compile/compile';
import { inMemorySearch } from '../../tools/compile/search-in-memory';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * A cold search for a word in most articles against one in a single article, over the seed
 * data plus generated articles (पुतिन is in about 89 % of them), built and published here:
 * both take the same two round trips, both answer what the in-process ranking answers, and
 * the common word reads its lists packed (src/search/packed-list.ts), a fraction of the
 * bytes the same lists took as JSON arrays.
 */
const N = 600;
const FIRST = 10;
const SEARCH = `query($q: String!) { search(query: $q, first: ${FIRST}) { totalCount edges { score node { slug } } } }`;
let built: CompiledData;

beforeAll(async () => {
  built = await buildAndPublish([...seedFiles(), ...generateCorpus(N)]);
}, 120_000);

const stored = () => new Map(built.entries.map((e) => [e.key, e.value]));
const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** The keys a search reads: its terms' shards, then its page's articles. */
function keysRead(q: string, docs: number[]): string[] {
  const layout = searchLayout(built.pointer.value);
  const shards = new Set(queryTerms(parseQuery(q)).map((t) => shardOf(t, layout.shards)));
  return [...[...shards].map((s) => searchShardKey(built.version, s)), ...docs.map((d) => searchArticleKey(built.version, d))];
}

/** A shard as the full build wrote it before lists were packed: every list a JSON array. */
const asArrays = (shard: PostingShard) =>
  Object.fromEntries(Object.entries(shard).map(([term, list]) => [term, typeof list === 'string' ? unpackList(list) : list]));

describe('cold search, common word against rare word', () => {
  it.each([
    ['पुतिन', 'in most articles'],
    ['सराहना', 'in the seed article only'],
  ])('%s (%s): two round trips, the in-process answer, exactly the bytes of its keys', async (q) => {
    const { body, kv } = await freshWorker()(SEARCH, { q });
    expect(body.errors).toBeUndefined();
    const page = inMemorySearch(built.entries, built.pointer.value).ranked(q);
    const search = body.data!.search as { totalCount: number; edges: Array<{ score: number; node: { slug: string } }> };
    expect(search.totalCount).toBe(page.length);
    expect(search.edges.map((e) => [e.node.slug, e.score])).toEqual(page.slice(0, FIRST).map((r) => [r.slug, r.score]));
    expect(kv.roundTrips).toBe(2);
    const keys = keysRead(q, page.slice(0, FIRST).map((r) => r.doc));
    expect(kv.keys).toBe(keys.length);
    expect(kv.bytes).toBe(keys.reduce((n, k) => n + utf8(stored().get(k)), 0));
  });

  it('reads the common word packed: at most 2 bytes a posting, where JSON arrays took over 3', async () => {
    const q = 'पुतिन';
    const { body, kv } = await freshWorker()(SEARCH, { q });
    const hits = (body.data!.search as { totalCount: number }).totalCount;
    expect(hits).toBeGreaterThan(N / 2);
    const page = inMemorySearch(built.entries, built.pointer.value).ranked(q).slice(0, FIRST);
    const articles = keysRead(q, page.map((r) => r.doc)).slice(-page.length).reduce((n, k) => n + utf8(stored().get(k)), 0);
    const shards = keysRead(q, []).map((k) => stored().get(k) as PostingShard);
    const lists = shards.flatMap((s) => Object.entries(asArrays(s)));
    const postings = lists.reduce((n, [, list]) => n + list.length / 2, 0);
    expect(postings).toBeGreaterThan(2 * hits);
    // The bound: the page's articles, 2 bytes a posting, 64 bytes a list for its term and framing.
    const bound = articles + 2 * postings + 64 * lists.length;
    const before = articles + shards.reduce((n, s) => n + utf8(asArrays(s)), 0);
    expect(kv.bytes).toBeLessThanOrEqual(bound);
    expect(before).toBeGreaterThan(bound + postings);
  });
});

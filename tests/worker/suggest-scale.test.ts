import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import pointer from '../../.build/kv-pointer.json';
import type { EntityDoc } from '../../src/model/documents';
import { POINTER_KEY, suggestKey } from '../../src/model/keys';
import { parsePrefix, prefixBuckets } from '../../src/search/suggest-match';
import { buildSuggestBuckets, entityWords } from '../../tools/compile/suggest-index';
import { generatedEntity, generatedName, kindOf } from '../../tools/fixtures/kb-generated';
import { freshWorker, seedKv } from './helpers';

/**
 * Type-ahead on a generated knowledge base at two sizes (tools/fixtures/kb-generated.ts, the KB-scale
 * bench's names): the bucket trie (src/search/suggest-buckets.ts) keeps the keys and bytes a
 * cold prefix reads about flat while the KB triples, where one bucket per first character read
 * three times the bytes. Only the buckets the measured prefixes read are loaded into local KV,
 * under a version of each size, with the real pointer's other fields.
 */
const SIZES = [10_000, 30_000];
// The production bound (512 entries a bucket) fills only past about 200,000 such entities; a small one shows the same at test size.
const LIMITS = { max: 48, head: 10, depth: 6 };
const TARGET = 4_321;
const given = generatedName(TARGET);
const PREFIXES = ['k', 'kak', 'किम', `${given.en[0]} ${given.en[1].slice(0, 3)}`, given.hi.join(' ')];
const SUGGEST = 'query ($p: String!) { suggest(prefix: $p, first: 50) { __typename ... on Person { slug } ... on Place { slug } ... on Organization { slug } } }';
const base = JSON.parse(pointer[0]!.value) as { version: string; search: Record<string, unknown> };

const TYPES = { people: 'Person', places: 'Place', organizations: 'Organization' } as const;

/** The generated entities as the build's documents hold them (only what type-ahead reads). */
function generatedDocs(n: number): EntityDoc[] {
  return Array.from({ length: n }, (_, i) => {
    const g = generatedEntity(i) as { slug: string; names: Record<string, string>; aliases: Array<{ language: string; value: string }> };
    return { slug: g.slug, type: TYPES[kindOf(i)], names: Object.entries(g.names).map(([language, value]) => ({ language, value })), aliases: g.aliases } as unknown as EntityDoc;
  });
}

/** Per size: the bytes of the one bucket of all words starting with k (the layout before the trie), for comparison. */
const firstCharBytes = new Map<number, number>();

async function useSize(n: number): Promise<void> {
  const docs = generatedDocs(n);
  const { buckets, depth } = buildSuggestBuckets(docs, [], LIMITS);
  const version = `${base.version}-g${n}`;
  const wanted = new Set(PREFIXES.flatMap((p) => prefixBuckets(parsePrefix(p, 10).words, depth)));
  await Promise.all([...wanted].filter((b) => buckets.has(b)).map((b) => env.NEWS.put(suggestKey(version, b), JSON.stringify(buckets.get(b)))));
  const kWords = docs.flatMap((d) => [...new Set(entityWords(d))].filter((w) => w.startsWith('k')).map((w) => [w, d.slug, d.type, 0]));
  firstCharBytes.set(n, JSON.stringify(kWords).length);
  await env.NEWS.put(POINTER_KEY, JSON.stringify({ ...base, version, search: { ...base.search, suggest: depth, counts: 0 } }));
}

beforeAll(async () => {
  await seedKv();
}, 120_000);

describe('type-ahead on a knowledge base that triples', () => {
  it('reads the same keys and bytes bounded per key, in one round trip after the pointer, and finds a generated name', async () => {
    const stats = new Map<string, Array<{ roundTrips: number; keys: number; bytes: number }>>();
    for (const n of SIZES) {
      await useSize(n);
      for (const p of PREFIXES) {
        const { body, kv } = await freshWorker()(SUGGEST, { p });
        expect(body.errors, p).toBeUndefined();
        const slugs = body.data!.suggest.map((s: { slug: string }) => s.slug);
        if (p.includes(' ')) expect(slugs, `${p} at ${n}`).toContain((generatedEntity(TARGET) as { slug: string }).slug);
        else expect(slugs.length, p).toBeGreaterThan(0);
        stats.set(p, [...(stats.get(p) ?? []), { roundTrips: kv.roundTrips, keys: kv.keys, bytes: kv.bytes }]);
      }
    }
    // A bucket holds at most max + head entries of at most ENTRY_BYTES each, whatever the KB's size.
    const ENTRY_BYTES = 160;
    for (const [p, [small, large]] of stats) {
      expect(large!.roundTrips, p).toBe(1);
      expect(large!.keys, p).toBe(small!.keys);
      expect(large!.bytes, p).toBeLessThan(small!.bytes * 1.25);
      expect(large!.bytes, p).toBeLessThanOrEqual(large!.keys * (LIMITS.max + LIMITS.head) * ENTRY_BYTES);
    }
    // One-letter prefixes read a split bucket's head, not every word under the letter.
    expect(stats.get('k')![1]!.bytes).toBeLessThan(firstCharBytes.get(SIZES[1]!)! / 50);
    expect(stats.get('kak')![1]!.bytes).toBeLessThan(firstCharBytes.get(SIZES[1]!)! / 10);
    expect(firstCharBytes.get(SIZES[1]!)!).toBeGreaterThan(firstCharBytes.get(SIZES[0]!)! * 2.5);
  }, 300_000);
});

import type { SearchPointer } from '../../src/model/documents';
import { shardOf, type MovedDocs, type PostingShard } from '../../src/search/index-format';
import { storedList } from '../compile/pack-postings';
import { decodeList, encodeList, tailOf, type SegmentPostings } from './search-segments';

/**
 * Compaction folds the delta segments into the base shards (docs/search.md, "Publishing"). A
 * compaction (compact-chain.ts) copies every key the new base reaches anyway, so merging the
 * segments' live postings into the base shards as they are copied costs no key more than the
 * copy, and leaves the new base with no segment and nothing moved: the tail the merge policy
 * keeps (search-segments.ts) then only ever holds what was published since the last
 * compaction or full build (a fold into level 1 leaves it to the merge policy, which keeps it
 * logarithmic). Lists stay exact: a base
 * posting is kept only where the moved-documents table says it is live (merge-parts.ts).
 */
export interface SearchFold {
  /** The new base's layout: no tail parts, nothing moved. */
  search: SearchPointer;
  /** The value a copied key gets in the new base (null: not copied). */
  value(logical: string, value: string): string | null;
  /** Base shards only the segments' postings fill, once every copied key went through `value`. */
  rest(): Array<{ logical: string; value: string }>;
}

const TAIL_SHARD = /^s:p:\d+:\d+$/;
const BASE_SHARD = /^s:p:(\d+)$/;

/** Null when the layout has nothing to fold. `read`: values at the new version, null when absent. */
export async function foldSegments(layout: SearchPointer | undefined, read: (logicals: string[]) => Promise<Map<string, string | null>>): Promise<SearchFold | null> {
  if (!layout || (layout.parts === 0 && !layout.tail?.length)) return null;
  const tail = tailOf(layout);
  const keys = tail.flatMap(([part, shards]) => Array.from({ length: shards }, (_, s) => ({ part, logical: `s:p:${s}:${part}` })));
  const values = await read([...keys.map((k) => k.logical), 's:x']);
  const moved = new Map(JSON.parse(values.get('s:x') ?? '[]') as MovedDocs);
  const byShard = new Map<number, SegmentPostings>();
  for (const { part, logical } of keys) {
    for (const [term, list] of Object.entries(JSON.parse(values.get(logical) ?? '{}') as PostingShard)) {
      const shard = shardOf(term, layout.shards);
      const terms = byShard.get(shard) ?? byShard.set(shard, new Map()).get(shard)!;
      for (const pair of decodeList(list)) if ((moved.get(pair[0]) ?? part) === part) (terms.get(term) ?? terms.set(term, []).get(term)!).push(pair);
    }
  }
  const shardValue = (shard: number, stored: PostingShard): string | null => {
    const out: PostingShard = {};
    const more = byShard.get(shard) ?? new Map<string, Array<[number, number]>>();
    byShard.delete(shard);
    for (const term of new Set([...Object.keys(stored), ...more.keys()])) {
      const pairs = [...decodeList(stored[term] ?? []).filter(([d]) => (moved.get(d) ?? 0) === 0), ...(more.get(term) ?? [])];
      // Stored as a full build stores it (pack-postings.ts), so a folded base reads as one.
      if (pairs.length > 0) out[term] = storedList(encodeList(pairs));
    }
    return Object.keys(out).length > 0 ? JSON.stringify(out) : null;
  };
  return {
    search: { ...layout, parts: 0, tail: [], moved: 0 },
    value(logical, value) {
      if (TAIL_SHARD.test(logical) || logical === 's:x') return null;
      const base = BASE_SHARD.exec(logical);
      return base ? shardValue(Number(base[1]), JSON.parse(value) as PostingShard) : value;
    },
    rest: () => [...byShard.keys()].flatMap((shard) => {
      const value = shardValue(shard, {});
      return value ? [{ logical: `s:p:${shard}`, value }] : [];
    }),
  };
}

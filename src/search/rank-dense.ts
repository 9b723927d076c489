import { DenseList, forEachBit, popcount } from './dense-list';
import { keyTerm } from './index-format';
import { WINDOW_DOCS } from './posting-windows';
import type { ParsedQuery } from './parse-query';
import type { RankArrays } from './rank-buffers';
import type { PostingLookup, RankCounts } from './rank-types';
import { planQuery, type QueryPlan } from './rank-windows';
import { SHORT_QUERY, shouldMatch } from './should-match';

/**
 * Matching and counting over bitmaps, for the queries most searches are: plain words (each
 * with its cross-script key), no phrase, nothing required or excluded, no filter. Each
 * clause's documents are the OR of its lists' bits, the matches the AND or the OR of the
 * clauses as should-match.ts's rule says, and the count their population count: a word per
 * 32 documents, where marking every posting of a word in most articles was most of a cold
 * search at 100,000 articles. Scoring is rank-windows.ts's, window by window, on the same
 * lists, so scores, order and cursors are those of the general path to the bit
 * (rank-dense.test.ts compares them).
 */
export function denseApplies(query: ParsedQuery, lookup: PostingLookup, options: { filters?: unknown[]; ranges?: unknown; accept?: unknown }): boolean {
  if (query.excluded.length > 0 || (options.filters?.length ?? 0) > 0 || options.ranges || options.accept) return false;
  // The OR/AND choice below is the rule for up to SHORT_QUERY clauses, then any one.
  if (query.clauses.length > SHORT_QUERY && shouldMatch(query.clauses.length, query.clauses.length) !== 1) return false;
  let dense = false;
  for (const clause of query.clauses) {
    if (clause.strict) return false;
    for (const alt of clause.alternatives) {
      if (alt.kind !== 'word') return false;
      if (lookup(alt.term) instanceof DenseList || (alt.key && lookup(keyTerm(alt.key)) instanceof DenseList)) dense = true;
    }
  }
  return dense;
}

/** Words of a bitmap over `words` words with every document of a gap-encoded list set. */
function setBits(into: Uint32Array, list: ArrayLike<number>): void {
  let doc = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    doc += list[i]!;
    into[doc >> 5]! |= 1 << (doc & 31);
  }
}

/**
 * The plan, the matches per window and their count; `prepare(w)` marks window w's matches
 * (`state` 2, as the general path does) before rank-windows.ts scores it.
 */
export function matchDense(query: ParsedQuery, lookup: PostingLookup, documents: number, live: number, a: RankArrays, counts: RankCounts) {
  const plan: QueryPlan = planQuery(query, lookup, documents, live, counts);
  const words = 2 * plan.windows;
  const clauses = plan.alternatives.map((group) => {
    const bits = new Uint32Array(words);
    for (const alt of group) {
      if (alt.kind !== 'word') continue;
      for (const s of alt.slots) {
        if (!s.list.dense) setBits(bits, s.list.list);
        else for (let i = 0, d = s.list.dense.words; i < words; i++) bits[i]! |= d[i]!;
      }
    }
    return bits;
  });
  const any = (bits: Uint32Array) => bits.some((x) => x !== 0);
  const union = clauses.reduce((u, c) => u.map((x, i) => x | c[i]!));
  const both = clauses.length === 2 ? clauses[0]!.map((x, i) => x & clauses[1]![i]!) : undefined;
  const best = both && any(both) ? 2 : any(union) ? 1 : 0;
  const match = shouldMatch(plan.optional, best) === 2 ? both! : union;
  const windows = new Int32Array(plan.windows);
  let count = 0;
  for (let w = 0; w < plan.windows; w++) {
    windows[w] = popcount(match[2 * w]!) + popcount(match[2 * w + 1]!);
    count += windows[w]!;
  }
  const prepare = (w: number) => {
    a.state.fill(0);
    forEachBit(match, 2 * w, 2 * w + 2, (doc) => (a.state[doc - w * WINDOW_DOCS] = 2));
  };
  return { plan, windows, count, prepare };
}

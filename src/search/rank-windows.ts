import { keyTerm, pairTerm } from './index-format';
import type { ParsedQuery } from './parse-query';
import { DenseList, type AnyList } from './dense-list';
import { addWindow, memberWindows, windowBound, windowCount, windowDense, windowList, WINDOW_DOCS, type WindowedList } from './posting-windows';
import type { RankArrays, RankBuffers } from './rank-buffers';
import type { PostingLookup, RankCounts } from './rank-types';
import { CROSS_SCRIPT_WEIGHT, PAIR_BOOST } from './ranking-params';
import { selectBest } from './select-best';
import { WindowQueue } from './window-queue';

/**
 * Early termination for rank.ts, exact: the page holds the same documents with the same
 * scores, in the same order, as scoring every match would give.
 *
 * Matches are found and counted first (every posting is read once: the count is exact). Then
 * each window of WINDOW_DOCS document numbers gets an upper bound on any of its documents'
 * scores: the sum, over every list the query scores, of weight * idf * the list's highest
 * impact in that window (posting-windows.ts; a document scores at most each list's posting
 * once per slot). Windows are scored in
 * decreasing order of bound, and scoring stops at the first window whose bound is below both
 * the page's current worst score and the cursor's score: no document left can enter the page
 * or rank before the cursor (which the page's position needs). This is MaxScore's argument
 * (Turtle & Flood, "Query evaluation: strategies and optimizations", IP&M 1995) applied to
 * block-max bounds (Ding & Suel, SIGIR 2011) over windows visited best bound first.
 *
 * A document's score is computed with the same additions in the same order as before, so
 * scores are identical to the last bit, and ties still fall to the newer document.
 */
interface Slot {
  list: WindowedList;
  weight: number;
}
type AltPlan = { kind: 'word'; slots: Slot[] } | { kind: 'phrase'; pairs: Slot[]; words: Slot[]; needed: number };
export interface QueryPlan {
  /** Strict clauses (all must match) and optional ones (should-match.ts). */
  strict: number;
  optional: number;
  alternatives: AltPlan[][];
  /** Per clause of `alternatives`: strict or not. */
  strictness: boolean[];
  bonus: Slot[];
  excluded: Array<{ lists: WindowedList[]; needed: number }>;
  windows: number;
  documents: number;
}

export function planQuery(query: ParsedQuery, lookup: PostingLookup, documents: number, live: number, counts: RankCounts): QueryPlan {
  const windows = windowCount(documents);
  const indexed = new Map<AnyList, WindowedList>();
  const slot = (term: string, weight: number): Slot[] => {
    const list = lookup(term);
    if (!list) return [];
    let windowed = indexed.get(list);
    if (!windowed) {
      const dense = list instanceof DenseList;
      indexed.set(list, (windowed = dense ? windowDense(list, windows, live) : windowList(list, windows, live)));
      counts.postings += dense ? list.postings : list.length / 2;
    }
    return [{ list: windowed, weight }];
  };
  const pairsOf = (terms: string[]) => terms.slice(1).map((t, i) => pairTerm(terms[i]!, t));
  const alternatives = query.clauses.map((clause) =>
    clause.alternatives.map((alt): AltPlan =>
      alt.kind === 'word'
        ? { kind: 'word', slots: [...slot(alt.term, 1), ...(alt.key ? slot(keyTerm(alt.key), CROSS_SCRIPT_WEIGHT) : [])] }
        : { kind: 'phrase', pairs: pairsOf(alt.terms).flatMap((p) => slot(p, PAIR_BOOST)), words: alt.terms.flatMap((t) => slot(t, 1)), needed: alt.terms.length - 1 },
    ),
  );
  const excluded = query.excluded.map((alt) => {
    const terms = alt.kind === 'word' ? [alt.term] : pairsOf(alt.terms);
    const lists = terms.map((t) => lookup(t));
    if (!lists.every(Boolean)) return { lists: [], needed: terms.length };
    counts.postings += lists.reduce((n, l) => n + (l instanceof DenseList ? l.postings : l!.length / 2), 0);
    return { lists: lists.map((l) => memberWindows(l!, windows)), needed: terms.length };
  });
  const bonus = query.pairs.flatMap((p) => slot(p, PAIR_BOOST));
  const strictness = query.clauses.map((c) => c.strict);
  const strict = strictness.filter(Boolean).length;
  return { strict, optional: strictness.length - strict, alternatives, strictness, bonus, excluded, windows, documents };
}

/** Exact scores of window w's documents into `total` (by position in the window), in the order rank.ts always added them. */
function scoreWindow(plan: QueryPlan, a: RankArrays, w: number): void {
  a.total.fill(0);
  for (const alt of plan.alternatives.flat()) {
    if (alt.kind === 'word') {
      for (const s of alt.slots) addWindow(a.total, s.list, s.weight, w);
      continue;
    }
    // A phrase adds only where all its pairs are.
    a.scores.fill(0);
    a.pairs.fill(0);
    for (const s of alt.pairs) addWindow(a.scores, s.list, s.weight, w, a.pairs);
    for (const s of alt.words) addWindow(a.scores, s.list, s.weight, w);
    for (let at = 0; at < WINDOW_DOCS; at++) if (a.pairs[at] === alt.needed) a.total[at] = a.total[at]! + a.scores[at]!;
  }
  for (const s of plan.bonus) addWindow(a.total, s.list, s.weight, w);
}

/**
 * Scores windows best bound first until none left can matter; matches (`state` 2) after the
 * cursor go to `order` with their scores in `kept` (at most `limit` of them kept), those at or
 * before it are counted.
 */
export function scoreWindows(
  plan: QueryPlan,
  buffers: RankBuffers,
  matches: Int32Array,
  after: { score: number; doc: number } | undefined,
  limit: number,
  counts: RankCounts,
  /** Marks window w's matches (`state` 2) before it is scored. */
  prepare: (w: number) => void,
) {
  const a = buffers.take();
  const slots = [...plan.alternatives.flat().flatMap((alt) => (alt.kind === 'word' ? alt.slots : [...alt.pairs, ...alt.words])), ...plan.bonus];
  const bound = new Float64Array(plan.windows);
  let held = 0;
  for (let w = 0; w < plan.windows; w++) if (matches[w] !== 0) held++;
  const todo = new Int32Array(held);
  held = 0;
  for (let w = 0; w < plan.windows; w++) {
    if (matches[w] === 0) continue;
    todo[held++] = w;
    for (const s of slots) bound[w] = bound[w]! + windowBound(s.list, s.weight, w);
  }
  counts.windows = held;
  const queue = new WindowQueue(todo, bound);
  let kept = 0;
  let skipped = 0;
  let worst = -Infinity;
  for (let w = queue.pop(); w >= 0; w = queue.pop()) {
    // Slack for the bound's own rounding; scores are compared rounded to 1e-6.
    const most = bound[w]! * (1 + 1e-9) + 1e-6;
    if (kept >= limit && most < worst && (!after || most < after.score)) break;
    prepare(w);
    scoreWindow(plan, a, w);
    counts.windowsScored++;
    buffers.reserve(kept + WINDOW_DOCS, kept);
    const lo = w * WINDOW_DOCS;
    for (let at = 0; at < Math.min(WINDOW_DOCS, plan.documents - lo); at++) {
      if (a.state[at] !== 2) continue;
      counts.scored++;
      // Scores are shown and compared rounded, so equal-looking scores tie (and fall to the newer).
      const score = Math.round(a.total[at]! * 1e6) / 1e6;
      const doc = lo + at;
      // The order of selectBest: higher score first, then the higher (newer) document.
      if (after && (score > after.score || (score === after.score && doc >= after.doc))) skipped++;
      else {
        a.order[kept] = doc;
        a.kept[kept++] = score;
      }
    }
    if (kept >= limit && limit > 0) {
      // The page so far, best first: its last is the score a document must beat.
      selectBest(a.order, kept, limit, a.kept);
      kept = limit;
      worst = a.kept[limit - 1]!;
    }
  }
  return { kept, skipped };
}

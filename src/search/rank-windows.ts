import { keyTerm, pairTerm } from './index-format';
import type { ParsedQuery } from './parse-query';
import { DenseList, gapsOf, type AnyList } from './dense-list';
import { addWindow, windowBound, windowCount, windowDense, windowList, WINDOW_DOCS, type WindowedList } from './posting-windows';
import type { RankArrays } from './rank-buffers';
import type { PostingLookup, Postings, RankCounts } from './rank-types';
import { CROSS_SCRIPT_WEIGHT, PAIR_BOOST } from './ranking-params';
import { selectBest } from './select-best';

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
  excluded: Array<{ lists: Postings[]; needed: number }>;
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
    const lists = terms.map((t) => gapsOf(lookup(t)));
    return { lists: lists.every(Boolean) ? (lists as Postings[]) : [], needed: terms.length };
  });
  const bonus = query.pairs.flatMap((p) => slot(p, PAIR_BOOST));
  const strictness = query.clauses.map((c) => c.strict);
  const strict = strictness.filter(Boolean).length;
  return { strict, optional: strictness.length - strict, alternatives, strictness, bonus, excluded, windows, documents };
}

function eachDoc(list: Postings, fn: (doc: number) => void): void {
  let doc = 0;
  for (let i = 0; i + 1 < list.length; i += 2) fn((doc += list[i]!));
}

/**
 * Clauses each document matches (`strict`, `matched`: optional ones) and excluded ones
 * (`excluded` = 1). Returns how many documents any clause holds, listed first in `order`: the
 * only candidates, so what follows visits them and not every document number (at 100,000
 * articles a rare word's one match would otherwise cost two passes over 100,000 numbers).
 */
export function markMatches(plan: QueryPlan, a: RankArrays, documents: number, counts: RankCounts): number {
  a.best.fill(0, 0, documents);
  const { best, order } = a;
  let touched = 0;
  const inAll = (lists: Postings[], needed: number, fn: (doc: number) => void) => {
    if (lists.length !== needed || needed === 0) return;
    a.pairs.fill(0, 0, documents);
    for (const list of lists) eachDoc(list, (doc) => (a.pairs[doc] = a.pairs[doc]! + 1));
    eachDoc(lists[0]!, (doc) => a.pairs[doc] === needed && fn(doc));
  };
  plan.alternatives.forEach((group, g) => {
    // `best` stamps a document once per clause; 0 means no clause has it yet.
    const counter = plan.strictness[g] ? a.strict : a.matched;
    const stamp = (doc: number) => {
      const seen = best[doc]!;
      if (seen === g + 1) return;
      if (seen === 0) order[touched++] = doc;
      best[doc] = g + 1;
      counter[doc] = counter[doc]! + 1;
    };
    for (const alt of group) {
      if (alt.kind !== 'word') {
        inAll(alt.pairs.map((s) => s.list.list), alt.needed, stamp);
        continue;
      }
      // The hot loop of a common word, written out (no call per posting).
      const mark = g + 1;
      for (const s of alt.slots) {
        const list = s.list.list;
        let doc = 0;
        for (let i = 0; i + 1 < list.length; i += 2) {
          doc += list[i]!;
          const seen = best[doc]!;
          if (seen === mark) continue;
          if (seen === 0) order[touched++] = doc;
          best[doc] = mark;
          counter[doc] = counter[doc]! + 1;
        }
      }
    }
  });
  for (const { lists, needed } of plan.excluded) {
    counts.postings += lists.reduce((n, l) => n + l.length / 2, 0);
    inAll(lists, needed, (doc) => (a.excluded[doc] = 1));
  }
  return touched;
}

/** Exact scores of window w's documents into `total`, in the order rank.ts always added them. */
function scoreWindow(plan: QueryPlan, a: RankArrays, w: number): void {
  const lo = w * WINDOW_DOCS;
  const hi = Math.min(lo + WINDOW_DOCS, plan.documents);
  for (const alt of plan.alternatives.flat()) {
    if (alt.kind === 'word') {
      for (const s of alt.slots) addWindow(a.total, s.list, s.weight, w);
      continue;
    }
    // A phrase adds only where all its pairs are.
    a.scores.fill(0, lo, hi);
    a.pairs.fill(0, lo, hi);
    for (const s of alt.pairs) addWindow(a.scores, s.list, s.weight, w, a.pairs);
    for (const s of alt.words) addWindow(a.scores, s.list, s.weight, w);
    for (let doc = lo; doc < hi; doc++) if (a.pairs[doc] === alt.needed) a.total[doc] = a.total[doc]! + a.scores[doc]!;
  }
  for (const s of plan.bonus) addWindow(a.total, s.list, s.weight, w);
}

/**
 * Scores windows best bound first until none left can matter; matches (`excluded` = 2) after
 * the cursor go to `order` (at most `limit` of them kept), those at or before it are counted.
 */
export function scoreWindows(
  plan: QueryPlan,
  a: RankArrays,
  matches: Int32Array,
  after: { score: number; doc: number } | undefined,
  limit: number,
  counts: RankCounts,
  /** Called before window w is scored (rank-dense.ts marks its matches then). */
  prepare?: (w: number) => void,
) {
  const slots = [...plan.alternatives.flat().flatMap((alt) => (alt.kind === 'word' ? alt.slots : [...alt.pairs, ...alt.words])), ...plan.bonus];
  const bound = new Float64Array(plan.windows);
  const todo: number[] = [];
  for (let w = 0; w < plan.windows; w++) {
    if (matches[w] === 0) continue;
    todo.push(w);
    for (const s of slots) bound[w] = bound[w]! + windowBound(s.list, s.weight, w);
  }
  todo.sort((x, y) => bound[y]! - bound[x]! || x - y);
  counts.windows = todo.length;
  let kept = 0;
  let skipped = 0;
  let worst = -Infinity;
  for (const w of todo) {
    // Slack for the bound's own rounding; scores are compared rounded to 1e-6.
    const most = bound[w]! * (1 + 1e-9) + 1e-6;
    if (kept >= limit && most < worst && (!after || most < after.score)) break;
    prepare?.(w);
    scoreWindow(plan, a, w);
    counts.windowsScored++;
    const lo = w * WINDOW_DOCS;
    for (let doc = lo; doc < Math.min(lo + WINDOW_DOCS, plan.documents); doc++) {
      if (a.excluded[doc] !== 2) continue;
      counts.scored++;
      // Scores are shown and compared rounded, so equal-looking scores tie (and fall to the newer).
      const score = (a.total[doc] = Math.round(a.total[doc]! * 1e6) / 1e6);
      // The order of selectBest: higher score first, then the higher (newer) document.
      if (after && (score > after.score || (score === after.score && doc >= after.doc))) skipped++;
      else a.order[kept++] = doc;
    }
    if (kept >= limit && limit > 0) {
      // The page so far, best first: its last is the score a document must beat.
      selectBest(a.order, kept, limit, a.total);
      kept = limit;
      worst = a.total[a.order[limit - 1]!]!;
    }
  }
  return { kept, skipped };
}

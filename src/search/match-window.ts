import type { AnyList } from './dense-list';
import { eachInWindow, inWindow, memberWindows, WINDOW_DOCS, type WindowedList } from './posting-windows';
import type { RankArrays } from './rank-buffers';
import type { PostingLookup, RankCounts } from './rank-types';
import { planQuery, type QueryPlan } from './rank-windows';
import { shouldMatch } from './should-match';

/**
 * Matching and counting for any query (phrases, `+`, `-`, filters, dates), one window of
 * WINDOW_DOCS documents at a time: each list's postings in the window mark the clauses each
 * document matches in arrays one window long (rank-buffers.ts), so the work and the memory
 * follow the windows the query's lists reach, never the corpus. The windows visited are those
 * some clause's list has a posting in (the only places a match can be). A first pass over them
 * learns the most optional clauses any candidate holds (the should-match rule's `best`) and
 * counts each window's candidates by clauses held, so the exact count needs no second pass;
 * scoring matches a window again before it scores it (`prepare`), a few of them at most.
 */
export interface MatchTests {
  /** Lists a document must be in, every one (filters); undefined: a filter no document has. */
  filters?: Array<AnyList | undefined>;
  /** Whether a document number is in the date range. */
  inRange: (doc: number) => boolean;
  accept?: (doc: number) => boolean;
}

interface WindowTests extends MatchTests {
  lists: WindowedList[];
  needed: number;
}

/**
 * Window w's candidates (`state` 2: every strict clause, no exclusion, every filter, in range,
 * some clause), with the optional clauses each holds in `matched`.
 */
function matchWindow(plan: QueryPlan, a: RankArrays, w: number, tests: WindowTests): void {
  const { stamp, matched, strict, state, pairs } = a;
  stamp.fill(0);
  matched.fill(0);
  strict.fill(0);
  state.fill(0);
  const inAll = (lists: WindowedList[], needed: number, fn: (at: number) => void) => {
    if (lists.length !== needed || needed === 0) return;
    pairs.fill(0);
    for (const list of lists) eachInWindow(list, w, (at) => (pairs[at] = pairs[at]! + 1));
    eachInWindow(lists[0]!, w, (at) => pairs[at] === needed && fn(at));
  };
  plan.alternatives.forEach((group, g) => {
    // `stamp` marks a document once per clause; 0 means no clause has it yet.
    const counter = plan.strictness[g] ? strict : matched;
    const mark = g + 1;
    const count = (at: number) => {
      if (stamp[at] === mark) return;
      stamp[at] = mark;
      counter[at] = counter[at]! + 1;
    };
    for (const alt of group) {
      if (alt.kind === 'word') for (const s of alt.slots) eachInWindow(s.list, w, count);
      else inAll(alt.pairs.map((s) => s.list), alt.needed, count);
    }
  });
  for (const { lists, needed } of plan.excluded) inAll(lists, needed, (at) => (state[at] = 1));
  pairs.fill(0);
  for (const list of tests.lists) eachInWindow(list, w, (at) => (pairs[at] = pairs[at]! + 1));
  const lo = w * WINDOW_DOCS;
  for (let at = 0; at < WINDOW_DOCS; at++) {
    if (stamp[at] === 0 || state[at] === 1) continue;
    if (strict[at] !== plan.strict || pairs[at] !== tests.needed) continue;
    if (matched[at] === 0 && plan.strict === 0) continue;
    if (!tests.inRange(lo + at) || (tests.accept && !tests.accept(lo + at))) continue;
    state[at] = 2;
  }
}

/** The plan, the matches per window and their count; `prepare(w)` marks window w's matches (`state` 2). */
export function matchGeneral(query: Parameters<typeof planQuery>[0], lookup: PostingLookup, documents: number, live: number, options: MatchTests, a: RankArrays, counts: RankCounts) {
  const plan = planQuery(query, lookup, documents, live, counts);
  const filters = options.filters ?? [];
  const tests: WindowTests = { ...options, lists: filters.flatMap((f) => (f ? [memberWindows(f, plan.windows)] : [])), needed: filters.length };
  // A phrase matches only where all its pairs are: its first pair's windows are enough.
  const lists = plan.alternatives.flat().flatMap((alt) => (alt.kind === 'word' ? alt.slots : alt.pairs.slice(0, 1)).map((s) => s.list));
  const todo: number[] = [];
  for (let w = 0; w < plan.windows; w++) if (lists.some((l) => inWindow(l, w))) todo.push(w);
  // Candidates of each window by the optional clauses they hold (0..optional).
  const levels = plan.optional + 1;
  const held = new Int32Array(todo.length * levels);
  let best = 0;
  todo.forEach((w, k) => {
    matchWindow(plan, a, w, tests);
    for (let at = 0; at < WINDOW_DOCS; at++) {
      if (a.state[at] !== 2) continue;
      const m = a.matched[at]!;
      held[k * levels + m] = held[k * levels + m]! + 1;
      if (m > best) best = m;
    }
  });
  // The matches, counted exactly, and the windows that hold one.
  const needed = shouldMatch(plan.optional, best);
  const windows = new Int32Array(plan.windows);
  let count = 0;
  todo.forEach((w, k) => {
    for (let m = needed; m < levels; m++) windows[w] = windows[w]! + held[k * levels + m]!;
    count += windows[w]!;
  });
  const prepare = (w: number) => {
    matchWindow(plan, a, w, tests);
    for (let at = 0; at < WINDOW_DOCS; at++) if (a.state[at] === 2 && a.matched[at]! < needed) a.state[at] = 0;
  };
  return { plan, windows, count, prepare };
}

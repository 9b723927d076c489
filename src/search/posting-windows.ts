import { DenseList, popcount, type AnyList } from './dense-list';
import { IMPACT_SCALE } from './index-format';
import { idf } from './ranking-params';

/**
 * Posting lists cut into blocks by document number: a block ("window") is WINDOW_DOCS
 * consecutive numbers, the same for every list, so the blocks of all a query's lists line up
 * and one bound covers every document of a window. For each list and window: where its
 * postings start and their highest impact, found in one pass over the list (the per-block
 * maximum of block-max indexes, Ding & Suel, "Faster top-k document retrieval using block-max
 * indexes", SIGIR 2011; here computed as the list is read, not stored). rank.ts scores only
 * the windows whose bound can still reach the page.
 */
export const WINDOW_DOCS = 64;
const SHIFT = 6;

/** A gap-encoded list [gap, impact, ...]. */
type List = ArrayLike<number>;

export interface WindowedList {
  list: List;
  /** idf(term) times the slot's weight: a posting's score is `weight * impact / IMPACT_SCALE`. */
  idf: number;
  /** Index into `list` of window w's first posting; entry w + 1 is its end. */
  start: Int32Array;
  /** The document number before window w's first posting (gaps add to it). */
  before: Int32Array;
  /** Highest stored impact in window w (0: no posting). */
  max: Int32Array;
  /** A list kept as a bitmap (dense-list.ts): its bits and impacts; `list` is then empty. */
  dense?: DenseWindows;
}

export interface DenseWindows {
  /** Two 32-document words a window. */
  words: Uint32Array;
  impacts: Uint8Array;
  /** Impacts before window w's first document; entry w + 1 is its end. */
  rank: Int32Array;
}

/**
 * Indexes a bitmap list over `windows` windows: each window's postings are found by counting
 * the bits before it, and its highest impact is the most of its run of impacts.
 */
export function windowDense(dense: DenseList, windows: number, live: number, bounds = true): WindowedList {
  const words = dense.words(2 * windows);
  const { impacts } = dense;
  const rank = new Int32Array(windows + 1);
  const max = new Int32Array(bounds ? windows : 0);
  let r = 0;
  for (let w = 0; w < windows; w++) {
    const end = r + popcount(words[2 * w]!) + popcount(words[2 * w + 1]!);
    if (bounds) {
      let most = 0;
      for (let k = r; k < end; k++) if (impacts[k]! > most) most = impacts[k]!;
      max[w] = most;
    }
    rank[w + 1] = r = end;
  }
  return { list: new Int32Array(0), idf: idf(live, dense.postings), start: rank, before: rank, max, dense: { words, impacts, rank } };
}

/** addWindow over a bitmap list: the window's set bits, lowest first, with their impacts in order. */
function addDenseWindow(into: Float64Array, d: DenseWindows, factor: number, w: number, count?: Uint8Array): number {
  let r = d.rank[w]!;
  for (let half = 0; half < 2; half++) {
    let bits = d.words[2 * w + half]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const at = 32 * half + 31 - Math.clz32(low);
      bits ^= low;
      into[at] = into[at]! + factor * (d.impacts[r++]! / IMPACT_SCALE);
      if (count) count[at] = count[at]! + 1;
    }
  }
  return r - d.rank[w]!;
}

export const windowCount = (documents: number): number => (documents + WINDOW_DOCS - 1) >> SHIFT;

/** Indexes one list over `windows` windows; `live` documents give its idf; `bounds` false: no maxima (a list only tested for membership). */
export function windowList(list: List, windows: number, live: number, bounds = true): WindowedList {
  const start = new Int32Array(windows + 1);
  const before = new Int32Array(windows);
  const max = new Int32Array(bounds ? windows : 0);
  let doc = 0;
  let w = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const prev = doc;
    doc += list[i]!;
    const dw = doc >> SHIFT;
    while (w < dw) {
      start[++w] = i;
      before[w] = prev;
    }
    if (bounds && list[i + 1]! > max[dw]!) max[dw] = list[i + 1]!;
  }
  while (w < windows) {
    start[++w] = list.length - (list.length % 2);
    if (w < windows) before[w] = doc;
  }
  return { list, idf: idf(live, list.length / 2), start, before, max };
}

/**
 * Adds `weight * idf * impact` of window w's postings into `into`, indexed by position in the
 * window (document - w * WINDOW_DOCS); counts them in `count`.
 */
export function addWindow(into: Float64Array, l: WindowedList, weight: number, w: number, count?: Uint8Array): number {
  const factor = weight * l.idf;
  if (l.dense) return addDenseWindow(into, l.dense, factor, w, count);
  const { list } = l;
  let at = l.before[w]! - w * WINDOW_DOCS;
  const end = l.start[w + 1]!;
  for (let i = l.start[w]!; i < end; i += 2) {
    at += list[i]!;
    into[at] = into[at]! + factor * (list[i + 1]! / IMPACT_SCALE);
    if (count) count[at] = count[at]! + 1;
  }
  return (end - l.start[w]!) / 2;
}

/** A list only tested for membership (a filter, an exclusion): windowed without maxima. */
export function memberWindows(list: AnyList, windows: number): WindowedList {
  return list instanceof DenseList ? windowDense(list, windows, list.postings, false) : windowList(list, windows, list.length / 2, false);
}

/** Whether window w holds a posting of the list. */
export const inWindow = (l: WindowedList, w: number): boolean => (l.dense ? l.dense.rank[w + 1]! > l.dense.rank[w]! : l.start[w + 1]! > l.start[w]!);

/** Calls `fn(at)` for each posting of window w, `at` its position in the window, lowest first. */
export function eachInWindow(l: WindowedList, w: number, fn: (at: number) => void): void {
  if (l.dense) {
    for (let half = 0; half < 2; half++) {
      let bits = l.dense.words[2 * w + half]!;
      while (bits !== 0) {
        const low = bits & -bits;
        fn(32 * half + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
    return;
  }
  const { list } = l;
  let at = l.before[w]! - w * WINDOW_DOCS;
  const end = l.start[w + 1]!;
  for (let i = l.start[w]!; i < end; i += 2) fn((at += list[i]!));
}

/** The most window w's postings can add: `weight * idf * max impact`. */
export const windowBound = (l: WindowedList, weight: number, w: number): number => weight * l.idf * (l.max[w]! / IMPACT_SCALE);

import type { SearchDates } from './index-format';

/**
 * The document numbers published within [from, to] (inclusive YYYY-MM-DD bounds): documents
 * are numbered newest first, so the range is [first number of the newest day <= to,
 * first number of the newest day < from). Returns [lo, hi) over `total` documents.
 */
export function docRange(dates: SearchDates, total: number, from?: string, to?: string): [number, number] {
  let lo = 0;
  let hi = total;
  if (to !== undefined) {
    const day = dates.find(([date]) => date <= to);
    lo = day ? day[1] : total;
  }
  if (from !== undefined) {
    const day = dates.find(([date]) => date < from);
    hi = day ? day[1] : total;
  }
  return [lo, Math.max(lo, hi)];
}

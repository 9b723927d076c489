import type { SearchDates } from './index-format';

/**
 * The document numbers published within [from, to] (inclusive YYYY-MM-DD bounds), as
 * [lo, hi) intervals over `total` numbers. The runs of a full build are days in order, so the
 * answer is one interval; an article appended with an older date (a late story, a corrected
 * date) is a run of its own, and adds one interval when its day is in range.
 */
export function docRanges(dates: SearchDates, total: number, from?: string, to?: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  dates.forEach(([date, first], i) => {
    if ((from !== undefined && date < from) || (to !== undefined && date > to)) return;
    const end = i + 1 < dates.length ? dates[i + 1]![1] : total;
    if (end <= first) return;
    const last = out.at(-1);
    if (last && last[1] === first) last[1] = end;
    else out.push([first, end]);
  });
  return out;
}

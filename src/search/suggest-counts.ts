import type { SuggestBucket, SuggestCounts } from './index-format';

/**
 * Type-ahead ranks entities by their article count, which every publish changes for the
 * entities its articles link to. An entity's name words sit in one bucket per first letter
 * (`s:g:<bucket>`), so rewriting the counts in place rewrote some 60 buckets per article. A
 * publish writes the changed counts to one small table instead (`s:gc`, read in the same
 * round trip as the buckets), and folds it into the buckets once it grows past
 * MAX_SUGGEST_COUNTS entries (tools/delta/search-delta-tables.ts): the buckets stay the
 * build's, the way a delta segment leaves the base postings alone (search-parts.ts).
 */
export const MAX_SUGGEST_COUNTS = 1024;

/** The bucket with the table's counts in place of its own (the bucket itself when none apply). */
export function withCounts(bucket: SuggestBucket, counts: SuggestCounts | null | undefined): SuggestBucket {
  if (!counts || counts.length === 0) return bucket;
  const bySlug = new Map(counts);
  if (!bucket.some((e) => bySlug.has(e[1]))) return bucket;
  return bucket.map((e): typeof e => (bySlug.has(e[1]) ? [e[0], e[1], e[2], bySlug.get(e[1])!, ...e.slice(4)] as typeof e : e));
}

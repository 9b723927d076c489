/**
 * The languages a request prefers, from its Accept-Language header (RFC 9110 section 12.5.4):
 * language ranges with optional weights, best first, ties in the order written. The wildcard
 * and ranges of weight 0 say nothing a lookup can use and are dropped; a malformed range is
 * skipped, never an error (a header is a preference, not an argument). Tags are lower-cased
 * (BCP 47 tags compare case-insensitively, RFC 5646 section 2.1.1), at most MAX_LANGUAGES kept.
 */
export const MAX_LANGUAGES = 6;
const RANGE = /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/;
const WEIGHT = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header || header.length > 1024) return [];
  const ranges: Array<{ tag: string; q: number; at: number }> = [];
  header.split(',').forEach((part, at) => {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const weight = params.find((p) => p.startsWith('q='));
    if (!RANGE.test(range) || (weight !== undefined && !WEIGHT.test(weight.replace(/\s+/g, '')))) return;
    const q = weight === undefined ? 1 : Number(weight.replace(/\s+/g, '').slice(2));
    if (q > 0) ranges.push({ tag: range, q, at });
  });
  ranges.sort((a, b) => b.q - a.q || a.at - b.at);
  return [...new Set(ranges.map((r) => r.tag))].slice(0, MAX_LANGUAGES);
}

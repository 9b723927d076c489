import anyAscii from 'any-ascii';
import { createHash } from 'node:crypto';

/**
 * A readable, URL-safe slug from a headline in any script: any-ascii romanises it (its tables
 * cover Devanagari, Hangul, Han, kana, Cyrillic, ...: रूसी राष्ट्रपति पुतिन -> "rusi rastrpti
 * putin"), then lower-case ASCII letters and digits are joined by single hyphens, cut at a
 * word boundary to at most 80 characters (KV keys and URLs stay short). A slug, once given to
 * a story, is kept: an edited headline does not move the article (article-store.ts).
 */
const MAX = 80;

export function slugOf(headline: string): string {
  const words = anyAscii(headline.normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX) ?? '') || 'story';
}

/** The same slug made unique for one identity: a short stable hash of it is appended. */
export function disambiguate(slug: string, identity: string): string {
  const suffix = createHash('sha256').update(identity).digest('hex').slice(0, 8);
  return `${slug.slice(0, MAX - suffix.length - 1).replace(/-+$/, '')}-${suffix}`;
}

import { isVersionLocal } from './generations';

/**
 * Cache tags (the `Cache-Tag` response header; Cloudflare's purge by tag, and CDNs that work
 * the same way): one tag per node and per list an answer read, so a deployment behind Workers
 * Cache or a CDN purges exactly the answers a publish touched (docs/publishing.md). Tags are
 * lowercase, without spaces or commas, and use only letters, digits, `-` and `.`, which every
 * CDN's tag syntax accepts (some refuse `:` and `@`, which list names hold).
 *
 *   a.<slug>   an article          e.<slug>   a person, event, place or organization
 *   r.<slug>   its related stories l.<list>   a list (head, leaves, index), `@`/`:` as `.`
 *   w.<slug>   an author's record
 *   search     any search or type-ahead key
 *   version    the data version itself (dataVersion, changes): every publish changes it
 */

export const SEARCH_TAG = 'search';
export const VERSION_TAG = 'version';
/** Cloudflare keeps at most 16 KB of Cache-Tag values (and 1,000 tags) an answer; past it, tags per family. */
export const MAX_TAG_HEADER_CHARS = 16_000;
export const MAX_TAGS = 1000;

const dotted = (name: string) => name.toLowerCase().replace(/[^a-z0-9-]/g, '.');

/** The tag of a logical key (`a:<slug>`, `l:<list>:<leaf>`, ...). */
export function tagOf(logical: string): string {
  if (isVersionLocal(logical)) return VERSION_TAG;
  const kind = logical.slice(0, 2);
  const rest = logical.slice(2);
  switch (kind) {
    case 'a:':
    case 'e:':
    case 'r:':
    case 'w:':
      return `${kind[0]}.${dotted(rest)}`;
    case 'h:':
    case 'x:':
      return `l.${dotted(rest)}`;
    case 'l:':
      return `l.${dotted(rest.slice(0, rest.lastIndexOf(':')))}`;
    case 's:':
      return SEARCH_TAG;
    default:
      return `k.${dotted(logical)}`;
  }
}

/** The family a tag belongs to (`a`, `e`, `r`, `w`, `l`, `search`, `version`, `k`): what an over-long tag set falls back to. */
export const familyOf = (tag: string): string => tag.split('.')[0]!;

/** The Cache-Tag value of an answer: its tags, or their families when the tags pass the header's bound. */
export function cacheTagHeader(tags: Iterable<string>): string {
  const sorted = [...new Set(tags)].sort();
  const value = sorted.join(',');
  if (sorted.length <= MAX_TAGS && value.length <= MAX_TAG_HEADER_CHARS) return value;
  return [...new Set(sorted.map(familyOf))].join(',');
}

/**
 * The tags to purge after a publish that wrote (or deleted) `logicals`: each key's tag and its
 * family (which answers with an over-long tag set carry), and `version`, which every publish changes.
 */
export function purgeTags(logicals: Iterable<string>): string[] {
  const tags = new Set<string>([VERSION_TAG]);
  for (const logical of logicals) {
    const tag = tagOf(logical);
    tags.add(tag);
    tags.add(familyOf(tag));
  }
  return [...tags].sort();
}

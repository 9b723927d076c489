import type { AuthorDoc } from './article-docs';
import { normalizeArticleUrl } from './article-url';
import { nameKey } from './name-handle';

/**
 * Who a byline names. A byline the source identifies (its own identifier, a page about the
 * author, a `sameAs` link: ninjs `authors[].uri`, JSON-LD `author.@id`/`url`/`sameAs`, HTML
 * `rel=author`) is keyed by that identity, so two bylines with the same one are one author
 * whatever name they print; a byline with a name alone is keyed by the name's handle
 * (src/model/name-handle.ts: NFC, trimmed, single-spaced, lower-cased).
 */

/** The identity of a byline: its page (`url`), else the source's identifier, else its first `sameAs`; URLs in normal form. */
export function authorIdentity(author: Pick<AuthorDoc, 'url' | 'id' | 'sameAs'>): string | undefined {
  const raw = [author.url, author.id, author.sameAs?.[0]].find((v) => v !== undefined && v.trim() !== '');
  if (raw === undefined) return undefined;
  return normalizeArticleUrl(raw.trim()) ?? raw.trim();
}

/** Letters, marks and digits of any script, lower-cased, runs of anything else one `-`. */
export function slugify(text: string, max = 60): string {
  const words = nameKey(text).split(/[^\p{L}\p{M}\p{Nd}]+/u).filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if ([...next].length > max) break;
    slug = next;
  }
  return slug;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: a stable tag for an identity (not a security hash). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The author's slug, what `author(slug:)`, the `author` filter and the author's list take.
 * Identified: the last word-bearing part of the identity (`/staff/jane-doe` gives `jane-doe`)
 * and a tag of the whole identity, so two publishers' `jane-doe` stay apart. By name alone:
 * the name as a slug (`Jane Doe` gives `jane-doe`, `प्रिया शर्मा` gives `प्रिया-शर्मा`).
 */
export function authorSlug(author: Pick<AuthorDoc, 'name' | 'url' | 'id' | 'sameAs'>): string {
  const identity = authorIdentity(author);
  if (identity === undefined) return slugify(author.name) || 'author';
  const parts = identity.split(/[/:#?=&]+/).map((p) => slugify(p, 40)).filter((p) => /\p{L}/u.test(p));
  const base = parts.at(-1) ?? (slugify(author.name, 40) || 'author');
  return `${base}-${fnv1a(identity)}`;
}

/** A slug as the build writes them: what `author(slug:)` tries before reading a name as one. */
export const isAuthorSlug = (text: string): boolean => /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+)*$/u.test(text);

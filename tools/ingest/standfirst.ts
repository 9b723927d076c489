/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import { holdsTheArticle } from './page-clean';
import type { Doc } from './page-meta';

/**
 * The standfirst (dek, chapô): a summary set apart above the text, which the page's description
 * repeats. It is the story's summary, not its first paragraph (the article-extraction
 * benchmark's ground truth leaves it out of the body too). Set apart means inside HTML's
 * `<header>` (introductory content, WHATWG HTML §4.3.8) or in a block whose class names a
 * lead or dek; a first paragraph that only repeats the description is the lede, and stays.
 */
const DEK_CLASS = /(?:^|[\s_-])(?:lead|dek|deck|standfirst|abstract|sub-?headline|subtitle|chapo|chapeau)(?:$|[\s_-])/i;

/** Letters and digits only, lower-cased: markup, spacing and punctuation differ between copies. */
export const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Does `text` repeat `description` (the same words, or one cut short of the other)? 40 letters at least: a label is no summary. */
export function repeatsDescription(text: string, description: string): boolean {
  const a = letters(text);
  const b = letters(description);
  if (a.length < 40 || b.length < 40) return false;
  // One cut short of the other; a block that goes on well past the description is the text that begins with it.
  return a === b || b.startsWith(a) || (a.startsWith(b) && a.length <= 2 * b.length);
}

/** Is `el` set apart from the text: in a `<header>` that does not hold the article, or classed as a lead? */
function setApart(el: Element): boolean {
  for (let e: Element | null = el, depth = 0; e && depth < 4; e = e.parentElement, depth++) {
    if (DEK_CLASS.test(e.getAttribute('class') ?? '')) return true;
  }
  const header = el.closest('header');
  return header !== null && !holdsTheArticle(header);
}

/** Removes from `document` the standfirst the description repeats; returns how many blocks went. */
export function removeStandfirst(document: Doc, description: string | undefined): number {
  if (!description) return 0;
  let removed = 0;
  for (const el of [...document.querySelectorAll('p, h2, h3, h4, div, span')]) {
    if (!el.isConnected || !repeatsDescription(el.textContent ?? '', description) || !setApart(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.

/**
 * Link density (Kohlschütter, Fankhauser & Nejdl, "Boilerplate Detection using Shallow Text
 * Features", WSDM 2010; Readability's getLinkDensity): the share of a block's text that is
 * link text. Related-story lists, tag clouds and "next article" lines are mostly links;
 * article paragraphs hardly ever are.
 */
const LEAF_BLOCKS = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, blockquote, div, section, aside, ul, ol, dl, table';

/** Above this share of link text a block is navigation. */
export const MAX_LINK_DENSITY = 0.5;

const length = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;

export function linkDensity(el: Element): number {
  const total = length(el);
  if (total === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += length(a);
  return links / total;
}

/** A paragraph that is a sentence with four words or more of its own around its link: prose that cites a source, not a list of links. */
function sentenceWithLink(el: Element): boolean {
  if (el.tagName !== 'P' || !/\p{Sentence_Terminal}[\p{Pe}\p{Pf}"'’\s]*$/u.test(el.textContent ?? '')) return false;
  let own = el.textContent ?? '';
  for (const a of el.querySelectorAll('a')) own = own.replace(a.textContent ?? '', ' ');
  return (own.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 4;
}

/** Removes from `root` every block whose text is mostly links; returns how many. */
export function dropLinkBlocks(root: Element): number {
  let removed = 0;
  for (const el of [...root.querySelectorAll(LEAF_BLOCKS)]) {
    if (!el.isConnected) continue;
    if (linkDensity(el) > MAX_LINK_DENSITY && !sentenceWithLink(el)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

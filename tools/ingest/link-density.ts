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

/** Removes from `root` every block whose text is mostly links; returns how many. */
export function dropLinkBlocks(root: Element): number {
  let removed = 0;
  for (const el of [...root.querySelectorAll(LEAF_BLOCKS)]) {
    if (!el.isConnected) continue;
    if (linkDensity(el) > MAX_LINK_DENSITY) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

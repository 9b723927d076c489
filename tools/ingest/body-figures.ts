/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import type { ImageDoc } from '../../src/model/documents';

/**
 * Pictures inside a story's markup (HTML `<figure>` with `<img>` and `<figcaption>`, or an
 * `<img>` alone), as ImageDoc: the caption is the figcaption's text, the credit the part of it
 * (or of the figure) a class names as credit, copyright or source, or a `<small>`/`<cite>`.
 * Pages are cleaned of figcaptions before their text is looked for (page-clean.ts), so a
 * figure's caption and credit are first copied onto its image (`markFigures`).
 */
export const CAPTION_ATTRIBUTE = 'data-body-caption';
export const CREDIT_ATTRIBUTE = 'data-body-credit';

const CREDIT = '[class*="credit" i], [class*="copyright" i], [class*="source" i], [class*="author" i], [class*="byline" i], small, cite';
const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The figcaption's caption and credit: the credit's own element taken out of the caption. */
function captionOf(figure: Element): { caption?: string; credit?: string } {
  const figcaption = figure.querySelector('figcaption');
  const creditEl = figure.querySelector(CREDIT);
  const credit = oneLine(creditEl?.textContent);
  let caption = oneLine(figcaption?.textContent);
  if (credit && caption.endsWith(credit)) caption = caption.slice(0, -credit.length).trim();
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

/** Copies each figure's caption and credit onto its first image, so they survive the page's cleaning. */
export function markFigures(root: ParentNode): void {
  for (const figure of [...root.querySelectorAll('figure')]) {
    const img = figure.querySelector('img');
    if (!img || img.hasAttribute(CAPTION_ATTRIBUTE) || img.hasAttribute(CREDIT_ATTRIBUTE)) continue;
    const { caption, credit } = captionOf(figure);
    if (caption) img.setAttribute(CAPTION_ATTRIBUTE, caption);
    if (credit) img.setAttribute(CREDIT_ATTRIBUTE, credit);
  }
}

/** An absolute http(s) URL for `src` against `base`, or undefined (a data: URI, a relative URL with no base). */
function absolute(src: string | null, base?: string): string | undefined {
  if (!src || /^data:/i.test(src)) return undefined;
  try {
    const url = new URL(src.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const size = (v: string | null) => (v && /^[1-9]\d{0,4}$/.test(v) ? Number(v) : undefined);

/** The picture an `<img>` shows, with what its figure says of it; undefined for a tracking pixel or an image with no usable URL. */
export function imageOf(img: Element, base?: string): ImageDoc | undefined {
  const srcset = img.getAttribute('srcset')?.split(',')[0]?.trim().split(/\s+/)[0] ?? null;
  const url = absolute(img.getAttribute('data-src') ?? img.getAttribute('src') ?? srcset, base);
  const [width, height] = [size(img.getAttribute('width')), size(img.getAttribute('height'))];
  if (!url || (width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return undefined;
  const figure = img.closest('figure');
  const fromFigure = figure ? captionOf(figure) : {};
  const caption = img.getAttribute(CAPTION_ATTRIBUTE) ?? fromFigure.caption;
  const credit = img.getAttribute(CREDIT_ATTRIBUTE) ?? fromFigure.credit;
  const alt = oneLine(img.getAttribute('alt'));
  return {
    url,
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
    ...(alt ? { alt } : {}),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    renditions: [],
  };
}

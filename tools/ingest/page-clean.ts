/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import type { Doc } from './page-meta';

/**
 * What a page's markup declares is not article text, removed before the main text is looked
 * for: captions (`<figcaption>`, HTML's caption element for figures), what the page hides from
 * readers (`hidden`, `aria-hidden="true"`, `display: none`, hiding classes; ARIA `dialog`/`alertdialog`/`navigation`/`complementary`
 * roles: a video player's menus, share sheets, asides), and blocks whose class or id names a
 * caption, credit, share bar, newsletter box, related-links list or author box. These are the
 * class words Mozilla's Readability and Boilerpipe's rules read as "unlikely content", applied
 * here to the blocks inside the article too.
 */
const ROLES = new Set(['dialog', 'alertdialog', 'navigation', 'complementary', 'banner', 'contentinfo', 'menu', 'menubar', 'tooltip']);

/** The same names closing a camelCase class ("InlineImage-imageEmbedCaption"). */
const NOT_TEXT_CAMEL = /\p{Ll}(?:Caption|Captions|Credit|Credits|Share|Sharing|Newsletter|Related|Byline|Promo)(?:$|[\s_-])/u;
const NOT_TEXT = /(?:^|[\s_-])(?:caption|captions|figcaption|credit|credits|image-?credit|photo-?credit|share|sharing|social|newsletter|related|recommended|read-?more|more-?stories|author-?bio|about-?the-?author|author-?info|byline|promo|advert|ad-?slot|breadcrumbs?|tags|paywall|subscribe|subscription|signup|sign-?up|comments?|standfirst|dek|chapo|chapeau|highlights|key-?points|takeaways|rail__item)(?:$|[\s_-])/i;

/**
 * Class words that hide an element or mark a media player's controls: the hiding utilities of
 * Bootstrap (`hidden`, `d-none`, `sr-only`, `visually-hidden`), WordPress (`screen-reader-text`)
 * and others, and the control bars of video.js (`vjs-*`, `video-js`) and JW Player (`jw-*`).
 */
const HIDDEN_CLASS = /^(?:hidden|hide|is-hidden|d-none|sr-only|visually-hidden|screen-reader-text|video-js|vjs-[\w-]+|jwplayer|jw-[\w-]+)$/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Does the page hide `el` from readers (HTML `hidden`, `aria-hidden`, an inline style, a hiding class)? */
function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) return true;
  return (el.getAttribute('class') ?? '').split(/\s+/).some((c) => HIDDEN_CLASS.test(c));
}

/** Elements a class, id or role alone does not remove: the article's own containers carry words like "content-share" too. */
const CONTAINERS = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE']);

/** Phrasing content (HTML's inline elements): a ticker link classed "inline-related-stock" is part of its sentence. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'FONT']);

/** Removes, from `document`, the elements above; returns how many were removed. */
export function removeNonText(document: Doc): number {
  let removed = 0;
  const drop = (el: Element) => {
    el.remove();
    removed++;
  };
  for (const el of [...document.querySelectorAll('figcaption, [hidden], [aria-hidden="true"], [role], [style], [class]')]) {
    if (!el.isConnected) continue;
    const role = (el.getAttribute('role') ?? '').trim().toLowerCase();
    if (el.tagName === 'FIGCAPTION' || (hidden(el) || ROLES.has(role)) && !holdsTheArticle(el)) drop(el);
  }
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected || CONTAINERS.has(el.tagName) || INLINE.has(el.tagName)) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if ((NOT_TEXT.test(names) || NOT_TEXT_CAMEL.test(names)) && !holdsTheArticle(el)) drop(el);
  }
  return removed;
}

/** A block with an article's worth of paragraphs (500 characters, Readability's default threshold) is the article or holds it, whatever its class or role says (CTV marks its text role="contentinfo"). */
export function holdsTheArticle(el: Element): boolean {
  let text = 0;
  for (const p of el.querySelectorAll('p')) text += (p.textContent ?? '').trim().length;
  return text >= 500;
}

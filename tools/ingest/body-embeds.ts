/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import type { EmbedProvider } from '../../src/model/schema-enums.gen';

/**
 * Posts and videos a story embeds, as the publishers' embed codes write them: X/Twitter's
 * `blockquote.twitter-tweet`, Instagram's `blockquote.instagram-media`, TikTok's
 * `blockquote.tiktok-embed`, Facebook's `div.fb-post`/`fb-video`, and player iframes (YouTube,
 * Vimeo, Facebook, X, Instagram). Each becomes the post's own URL (what oEmbed takes) and, for a
 * post quoted in the markup, its words as plain text.
 */
export interface EmbedFound {
  provider: EmbedProvider;
  url: string;
  text?: string;
  /** Who posted it and when, as the embed code prints it under the words ("KCNA (@kcna) June 19, 2024"). */
  attribution?: string;
}

const POST_URL: Array<[EmbedProvider, RegExp]> = [
  ['TWITTER', /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status(?:es)?\/\d+/i],
  ['INSTAGRAM', /^https?:\/\/(?:www\.)?instagram\.com\/(?:[\w.]+\/)?(?:p|reel|tv)\/[\w-]+/i],
  ['TIKTOK', /^https?:\/\/(?:www\.)?tiktok\.com\/@[\w.-]+\/video\/\d+/i],
  ['FACEBOOK', /^https?:\/\/(?:www\.|m\.)?facebook\.com\/\S+/i],
];

/** A player's iframe `src` as the video's own URL. */
function playerUrl(src: string): EmbedFound | undefined {
  const youtube = /^(?:https?:)?\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)\/embed\/([\w-]{6,})/i.exec(src);
  if (youtube) return { provider: 'YOUTUBE', url: `https://www.youtube.com/watch?v=${youtube[1]}` };
  const vimeo = /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return { provider: 'VIMEO', url: `https://vimeo.com/${vimeo[1]}` };
  const facebook = /^(?:https?:)?\/\/(?:www\.)?facebook\.com\/plugins\/(?:post|video)\.php\?(?:.*&)?href=([^&]+)/i.exec(src);
  if (facebook) return { provider: 'FACEBOOK', url: decodeURIComponent(facebook[1]!) };
  const post = POST_URL.find(([, re]) => re.test(src));
  if (post) return { provider: post[0], url: src };
  return undefined;
}

const classes = (el: Element) => (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
const words = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The embed `el` is, or undefined when it is none. */
export function embedOf(el: Element): EmbedFound | undefined {
  const tag = el.tagName;
  if (tag === 'IFRAME') return playerUrl(el.getAttribute('src') ?? el.getAttribute('data-src') ?? '');
  if (tag !== 'BLOCKQUOTE' && tag !== 'DIV') return undefined;
  const cls = classes(el);
  const provider = tag === 'BLOCKQUOTE' && cls.some((c) => c === 'twitter-tweet' || c === 'twitter-video') ? 'TWITTER'
    : tag === 'BLOCKQUOTE' && cls.includes('instagram-media') ? 'INSTAGRAM'
    : tag === 'BLOCKQUOTE' && cls.includes('tiktok-embed') ? 'TIKTOK'
    : cls.some((c) => c === 'fb-post' || c === 'fb-video') ? 'FACEBOOK'
    : undefined;
  if (!provider) return undefined;
  const hrefs = [el.getAttribute('cite'), el.getAttribute('data-instgrm-permalink'), el.getAttribute('data-href'), ...[...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))]
    .filter((h): h is string => !!h);
  const pattern = POST_URL.find(([p]) => p === provider)![1];
  // A tweet's permalink is its last link (the date); an Instagram post's, its first.
  const url = (provider === 'TWITTER' ? [...hrefs].reverse() : hrefs).find((h) => pattern.test(h))?.split('?')[0];
  if (!url) return undefined;
  // A tweet quotes its words in a <p>, then "— Name (@handle) date"; Instagram's and TikTok's markup is a "View this post" link.
  const p = provider === 'TWITTER' ? el.querySelector('p') : null;
  const said = provider === 'TWITTER' ? words(p ?? el) : undefined;
  const whole = words(el);
  const by = p && whole.startsWith(said!) ? whole.slice(said!.length).replace(/^[\s—–-]+/u, '').trim() : '';
  return { provider, url, ...(said ? { text: said } : {}), ...(by && by.length <= 300 ? { attribution: by } : {}) };
}

/** The attributes an embed is marked with before a page is cleaned (classes do not survive Readability). */
export const EMBED_ATTRIBUTE = 'data-body-embed';

/** Marks every embed under `root` with its provider, URL and words, as a JSON attribute that survives cleaning. */
export function markEmbeds(root: ParentNode): void {
  for (const el of [...root.querySelectorAll('blockquote, iframe, div.fb-post, div.fb-video')]) {
    const found = embedOf(el);
    if (found) el.setAttribute(EMBED_ATTRIBUTE, JSON.stringify(found));
  }
}

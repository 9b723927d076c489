/**
 * The one normal form of a link to an article, shared by the build (which stores each
 * article's canonical URL and known alternates under it) and `article(url:)`: the AMP copy,
 * the mobile host, `http:` or `https:`, a trailing slash, tracking parameters and the fragment
 * all lead to the same story. Syntax-based and scheme-based normalization (RFC 3986, 6.2.2 and
 * 6.2.3) on the WHATWG URL parser's output, then the publishing conventions below.
 *
 * The form is `host/path?query`: no scheme, host without `www.`/`m.`/`mobile.`/`amp.`, path
 * without empty segments, a trailing slash or an `amp` segment at either end, query without
 * tracking parameters, sorted. Null when the text is not an absolute http(s) URL.
 */

/** The longest normal form kept: its KV key (src/model/keys.ts) must stay under 512 bytes. */
export const ARTICLE_URL_MAX = 400;

/** Host labels that name another edition of the same site, not another site. */
const EDITION_PREFIXES = ['www', 'm', 'mobile', 'amp'];
/** Google's AMP cache serves `https://<host>/<path>` as `https://*.cdn.ampproject.org/c/s/<host>/<path>`. */
const AMP_CACHE = /^\/[cvi]\/(s\/)?/;

/** Query parameters that track a click, not name a page (campaign, click ids, referrers, AMP switches). */
const NOISE_PREFIXES = ['utm_', 'mc_', 'ns_', 'at_', 'pk_', 'mtm_'];
const NOISE = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'igshid', 'twclid', 'ttclid',
  'ocid', 'cmpid', 'cmp', 'ref', 'ref_src', 'ref_url', 'referrer', 'src', 'source', 'smid', 'smtyp',
  'ito', 'itm_source', 'itm_medium', 'itm_campaign', 'share', 'amp', 'outputtype', 'output', 'from',
]);
const isNoise = (name: string): boolean => {
  const lower = name.toLowerCase();
  return NOISE.has(lower) || NOISE_PREFIXES.some((p) => lower.startsWith(p));
};

/** RFC 3986 6.2.2.1: percent-encodings compare case-insensitively; upper case is the normal form. */
const upperEscapes = (text: string): string => text.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());

function parse(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function normalizeArticleUrl(text: string): string | null {
  let url = parse(text);
  if (!url || url.hostname === '') return null;
  if (url.hostname.endsWith('.cdn.ampproject.org') && AMP_CACHE.test(url.pathname)) {
    const inner = parse(`https://${url.pathname.replace(AMP_CACHE, '')}${url.search}`);
    if (inner) url = inner;
  }
  const labels = url.hostname.replace(/\.$/, '').split('.');
  while (labels.length > 2 && EDITION_PREFIXES.includes(labels[0]!)) labels.shift();
  const host = labels.join('.') + (url.port ? `:${url.port}` : '');

  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments[0]?.toLowerCase() === 'amp') segments.shift();
  if (segments.at(-1)?.toLowerCase() === 'amp') segments.pop();
  const last = segments.length - 1;
  // story.amp.html -> story.html, story.amp -> story
  if (last >= 0) segments[last] = segments[last]!.replace(/\.amp(\.[a-z0-9]+)?$/i, '$1');
  const path = upperEscapes(segments.join('/'));

  const kept = [...url.searchParams].filter(([name]) => !isNoise(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = upperEscapes(new URLSearchParams(kept).toString());
  return `${host}/${path}${query ? `?${query}` : ''}`;
}

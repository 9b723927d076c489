import { decodeHTML } from 'entities';

/**
 * A headline as readers see it: HTML character references decoded (JSON-LD and meta tags
 * often carry `&#039;` or `&lsquo;` encoded once more), whitespace collapsed, and the site's
 * name cut from the end or start of a `<title>`-style headline ("Title | Yonhap News Agency",
 * "Site - Title"). A part is the site's name when it matches a name the page declares
 * (og:site_name, publisher) or the page's host, ignoring case, spaces and punctuation.
 */
export const decodeText = (text: string): string => decodeHTML(decodeHTML(text)).replace(/\s+/g, ' ').trim();

const SEPARATORS = /\s+(?:\||-|–|—|::|:|·|•|«|»|\/)\s+/u;
const SEPARATORS_ALL = new RegExp(SEPARATORS.source, 'gu');
const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function isSiteName(part: string, names: string[], host?: string): boolean {
  const k = key(part);
  if (!k) return true;
  if (names.some((n) => key(n) === k || (key(n).length >= 4 && k.startsWith(key(n))))) return true;
  if (!host) return false;
  const h = key(host.replace(/^www\./, '').replace(/\.[a-z]{2,3}(?:\.[a-z]{2})?$/, ''));
  return h.length >= 3 && (k.includes(h) || h.includes(k)) && part.split(/\s+/).length <= 5;
}

export function cleanHeadline(raw: string | undefined, names: string[], pageUrl?: string): string | undefined {
  if (!raw) return undefined;
  let headline = decodeText(raw);
  let host: string | undefined;
  try {
    host = pageUrl ? new URL(pageUrl).hostname : undefined;
  } catch {
    host = undefined;
  }
  for (let i = 0; i < 3; i++) {
    const separators = [...headline.matchAll(SEPARATORS_ALL)];
    if (separators.length === 0) break;
    const first = separators[0]!;
    const last = separators.at(-1)!;
    if (isSiteName(headline.slice(last.index + last[0].length), names, host)) headline = headline.slice(0, last.index).trim();
    else if (isSiteName(headline.slice(0, first.index), names, host)) headline = headline.slice(first.index + first[0].length).trim();
    else break;
  }
  return headline || undefined;
}

/**
 * The headline readers see, where the structured one differs from it: a JSON-LD headline cut
 * short (Google asks for at most 110 characters, and some CMSs cut there, mid-word) is replaced
 * by the page's longer title that starts with it; "Kicker: Headline" in structured data, where
 * the page's `<h1>` sets the kicker and the headline as separate elements, is the headline.
 * `titles` are the page's other titles (og:title, twitter:title, the `<h1>`), cleaned;
 * `h1Parts` the texts of the `<h1>`'s child elements.
 */
/** Where, in `title`, the text that matches `stem` (ignoring spacing and punctuation) ends. */
function cut(title: string, stem: string): number {
  const want = key(stem).length;
  let seen = 0;
  for (let i = 0; i < title.length; i++) {
    if (seen >= want) return i;
    seen += key(title[i]!).length;
  }
  return title.length;
}

export function visibleHeadline(headline: string | undefined, titles: Array<string | undefined>, h1Parts: string[]): string | undefined {
  if (!headline) return headline;
  // Cut short: a longer title goes on from it (mid-word, or past an ellipsis), not after a separator (" - National").
  const stem = headline.replace(/(?:…|\.\.\.)$/u, '');
  const longer = titles.find((t) => t && t.length > stem.length && key(stem).length >= 40 && key(t).startsWith(key(stem)) && !SEPARATORS.test(t.slice(cut(t, stem))));
  if (longer) return longer;
  const kicker = /^(.{2,80}?)\s*[:：|]\s+(.+)$/u.exec(headline);
  if (kicker && h1Parts.some((p) => key(p) === key(kicker[1]!)) && h1Parts.some((p) => key(p) === key(kicker[2]!))) return kicker[2]!.trim();
  return headline;
}

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

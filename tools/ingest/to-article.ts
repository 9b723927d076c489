import { articleFile, type ArticleFile } from '../build/data-format';
import { jsonPointer } from '../build/problems';
import { normaliseDate } from './dates';
import { languageOfText } from './language';
import type { Story } from './story';

/**
 * A Story as an article file (tools/build/data-format.ts), without its slug, version and
 * links (article-store.ts and the linker add those), or the reasons it cannot be one: no
 * headline, no body, no language, a date that is not a date, text the build would refuse.
 */
export type ArticleDraft = Omit<ArticleFile, 'slug'>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls but tab, line feed and carriage return; DEL; C1 controls (XML 1.0 section 2.2 and
// HTML both discourage them; they are never text a reader should see).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function languageTag(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'));
    return tag ? tag.replace(/^[A-Za-z]+/, (p) => p.toLowerCase()) : undefined;
  } catch {
    return undefined;
  }
}

export function toArticleDraft(story: Story, now: Date): { draft?: ArticleDraft; errors: string[] } {
  const errors: string[] = [];
  const headline = story.headline?.replace(/\s+/g, ' ').trim();
  if (!headline) errors.push('has no headline');
  // Bodies often repeat the headline as their first block (an <h1>, TT's html5 body).
  if (headline && story.paragraphs[0]?.replace(/\s+/g, ' ').trim() === headline) story.paragraphs = story.paragraphs.slice(1);
  if (story.paragraphs.length === 0) errors.push('has no body: no paragraph of text was found');
  const language = languageTag(story.language) ?? (story.language ? undefined : languageOfText(`${headline ?? ''} ${story.paragraphs.join(' ')}`));
  if (!language) {
    errors.push(story.language ? `has the language "${story.language}", which is no BCP 47 tag` : 'has no language, and its script does not tell one (give one with --language)');
  }
  const dates: Record<'datePublished' | 'dateModified' | 'embargoedUntil', string | undefined> = {
    datePublished: undefined, dateModified: undefined, embargoedUntil: undefined,
  };
  for (const key of ['datePublished', 'dateModified', 'embargoedUntil'] as const) {
    const raw = story[key];
    if (raw === undefined) continue;
    const date = normaliseDate(raw);
    if (!date) errors.push(`has the ${key} "${raw}", which is not a date`);
    else dates[key] = key === 'embargoedUntil' && date.length === 10 ? `${date}T00:00:00Z` : date;
  }
  const texts: Array<[string, string | undefined]> = [
    ['headline', headline], ['summary', story.summary], ['byline', story.byline],
    ...story.paragraphs.map((p, i): [string, string] => [`paragraphs/${i}`, p]),
  ];
  for (const [where, text] of texts) {
    if (text && LONE_SURROGATE.test(text)) errors.push(`${where}: has a lone surrogate (a broken UTF-16 character)`);
    else if (text && CONTROL.test(text)) errors.push(`${where}: has a control character (U+${text.match(CONTROL)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);
  }
  if (errors.length > 0) return { errors };
  const inferred = !dates.datePublished;
  const draft: ArticleDraft = {
    language: language!,
    headline: headline!,
    url: story.url,
    byline: story.byline,
    authors: story.authors,
    summary: story.summary,
    images: story.images,
    subjects: story.subjects,
    section: story.section,
    copyright: story.copyright,
    origin: { format: story.format, formatVersion: story.formatVersion, uri: story.uri, url: undefined },
    translations: story.translations.flatMap((t) => {
      const tag = languageTag(t.language);
      return tag ? [{ language: tag, url: t.url }] : [];
    }),
    embargoedUntil: dates.embargoedUntil,
    datePublished: dates.datePublished ?? (dates.dateModified ?? now.toISOString()).slice(0, 10),
    dateModified: dates.dateModified,
    datePublishedPrecision: 'DAY',
    datePublishedInferred: inferred,
    dateNote: inferred
      ? dates.dateModified ? 'The source gives no date of publication; this is the date it was last modified.' : 'The source gives no date of publication; this is the date it was first ingested.'
      : undefined,
    paragraphs: story.paragraphs,
    events: [],
    about: [],
  };
  return { draft, errors: [] };
}

/** Checks a finished article file against the build's own format; problems as `pointer: message`. */
export function articleFileErrors(file: ArticleFile): string[] {
  const parsed = articleFile.safeParse(file);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${jsonPointer(i.path)}: ${i.message}`);
}

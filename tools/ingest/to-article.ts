import type { ArticleFile } from '../data/data-format';
import { textOffence } from '../data/check-text';
import { readDataSet } from '../data/read-data-set';
import { storyBody } from './body-align';
import { normaliseDate } from './dates';
import { checkedLanguage, identifyLanguage } from './language';
import { placeholderIn } from './placeholder';
import type { Story } from './story';

/**
 * A Story as an article file (tools/data/data-format.ts), without its slug, version and
 * links (article-store.ts and the linker add those), or the reasons it cannot be one: no
 * headline, no body, no language, a date that is not a date, text the build would refuse.
 */
export type ArticleDraft = Omit<ArticleFile, 'slug'>;

/**
 * A declared language as a canonical tag. An extended language subtag (`zh-yue-Hant-HK`), which
 * Intl's Unicode locale ids refuse, becomes its preferred value, the extlang itself
 * (`yue-Hant-HK`): RFC 5646, sections 2.2.2 and 4.5.
 */
function languageTag(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-').replace(/^[A-Za-z]{2,3}-([A-Za-z]{3})(?=-|$)/, '$1'));
    return tag ? tag.replace(/^[A-Za-z]+/, (p) => p.toLowerCase()) : undefined;
  } catch {
    return undefined;
  }
}

/** One line of text: whitespace runs (newlines, carriage returns, tabs) as one space. */
const line = (text: string | undefined): string | undefined => text?.replace(/\s+/g, ' ').trim() || undefined;

export function toArticleDraft(story: Story, now: Date): { draft?: ArticleDraft; errors: string[] } {
  const errors: string[] = [];
  // Every text but the paragraphs is one line (the build allows tab and newline only inside
  // texts, and a byline or caption has no lines); paragraphs are already collapsed by the readers.
  story = {
    ...story,
    summary: line(story.summary), byline: line(story.byline), section: line(story.section), copyright: line(story.copyright),
    authors: story.authors.flatMap((a) => (line(a.name) ? [{ ...a, name: line(a.name)! }] : [])),
    subjects: story.subjects.flatMap((s) => (line(s.name) ? [{ ...s, name: line(s.name)!, code: line(s.code) }] : [])),
    images: story.images.map((i) => ({ ...i, alt: line(i.alt), caption: line(i.caption), credit: line(i.credit), renditions: i.renditions.map((r) => ({ ...r, name: line(r.name) })) })),
  };
  const headline = story.headline?.replace(/\s+/g, ' ').trim();
  if (!headline) errors.push('has no headline');
  // A template published instead of a story ({{headline}}, Lorem ipsum) is refused, never stored.
  const headlinePlaceholder = placeholderIn(headline);
  if (headlinePlaceholder) errors.push(`has a template placeholder for a headline: ${headlinePlaceholder}`);
  const bodyPlaceholder = story.paragraphs.map((p) => placeholderIn(p, story.paragraphs.length === 1)).find(Boolean);
  if (bodyPlaceholder) errors.push(`has template placeholder text for a body: ${bodyPlaceholder}`);
  // Bodies often repeat the headline as their first block (an <h1>, TT's html5 body).
  if (headline && story.paragraphs[0]?.replace(/\s+/g, ' ').trim() === headline) story.paragraphs = story.paragraphs.slice(1);
  if (story.paragraphs.length === 0) errors.push(`has no body: no paragraph of text was found${story.bodyRefused?.length ? ` (${story.bodyRefused.join('; ')})` : ''}`);
  // The declared language first (unless the text's script contradicts it), else ELD on the text.
  const text = `${headline ?? ''}\n${story.paragraphs.join('\n')}`;
  const declared = languageTag(story.language);
  const guess = story.language ? undefined : identifyLanguage(text);
  const language = declared ? checkedLanguage(declared, text) : guess && 'language' in guess ? guess.language : undefined;
  if (!language) errors.push(story.language ? `has the language "${story.language}", which is no BCP 47 tag` : guess && 'reason' in guess ? guess.reason : 'has no language');
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
  // The build's own rule for text (tools/data/check-text.ts), reported in the source's terms.
  for (const [where, text] of texts) {
    const offence = text ? textOffence(text) : null;
    if (offence) errors.push(`${where}: has ${offence.what}, at character ${offence.offset}`);
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
    // ninjs allows 1-9; anything else the source sends is left out rather than refused.
    urgency: story.urgency !== undefined && Number.isInteger(story.urgency) && story.urgency >= 1 && story.urgency <= 9 ? story.urgency : undefined,
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
    body: storyBody(story.paragraphs, story.blocks),
    events: [],
    about: [],
  };
  return { draft, errors: [] };
}

/** The file's text as ingest writes it. */
export const articleFileText = (file: ArticleFile): string => `${JSON.stringify(file, null, 2)}\n`;

/**
 * Checks a finished article file exactly as the build will read it (tools/data/read-data-set:
 * text rules, input limits, the zod format), so ingest never writes what the build refuses;
 * problems as `pointer: message`. Links to entities are checked by ingest against the KB.
 */
export function articleFileErrors(file: ArticleFile): string[] {
  const { problems } = readDataSet([{ path: `articles/${file.slug}.json`, text: articleFileText(file) }]);
  return problems.map((p) => `${p.path}: ${p.message}`);
}

import type {
  ArticleDoc,
  EntityDoc,
  EntityType,
  LocalizedText,
  MentionTuple,
} from '../../src/model/documents';
import { ENTITY_KINDS, type EntityLinks } from '../../src/model/entity-kinds';
import { words } from '../../src/text/words';
import type { ArticleFile, EventFile, OrganizationFile, PersonFile, PlaceFile } from '../data/data-format';
import { buildKnowledgeBase, kbEntities, type KnowledgeBase } from '../linking/knowledge-base';
import type { DataSet } from '../data/read-data-set';
import { entityIndex } from '../data/validate-links';
import { linkStory } from '../linking/link-story';

/** `{en: "..", hi: ".."}` as a list, the default language first. */
function localized(byLanguage: Record<string, string>, first: string): LocalizedText[] {
  return Object.entries(byLanguage)
    .map(([language, value]) => ({ language, value }))
    .sort((a, b) => Number(b.language === first) - Number(a.language === first));
}

type AnyEntityFile = PersonFile | EventFile | PlaceFile | OrganizationFile;

export function toEntityDoc(type: EntityType, file: AnyEntityFile, typeOf: (slug: string) => EntityType): EntityDoc {
  const base = {
    slug: file.slug,
    defaultLanguage: file.defaultLanguage,
    names: localized(file.names, file.defaultLanguage),
    aliases: file.aliases,
    descriptions: localized(file.description, file.defaultLanguage),
    ...(file.wikidataId ? { wikidataId: file.wikidataId } : {}),
  };
  switch (type) {
    case 'Person':
      return { type, ...base, ...((file as PersonFile).birthDate ? { birthDate: (file as PersonFile).birthDate } : {}) };
    case 'Event': {
      const e = file as EventFile;
      return {
        type, ...base,
        startDate: e.startDate, endDate: e.endDate, datePrecision: e.datePrecision, status: e.status,
        location: e.location,
        participants: e.participants.map((slug) => ({ type: typeOf(slug), slug })),
      };
    }
    case 'Place': {
      const p = file as PlaceFile;
      return { type, ...base, kind: p.kind, country: p.country, latitude: p.latitude, longitude: p.longitude };
    }
    case 'Organization':
      return { type, ...base, country: (file as OrganizationFile).country };
  }
}

/**
 * The stored article: the file's fields, its mentions found by the linker, and its links to
 * entities (mentioned ones in order of first mention, then the curated `events` and `about`).
 */
export function toArticleDoc(file: ArticleFile, kb: KnowledgeBase, typeOf: (slug: string) => EntityType): ArticleDoc {
  // Segmenting is most of the build's time: each paragraph is segmented once, for both the
  // mentions and the word count.
  const paragraphWords = file.paragraphs.map((text) => words(text, file.language));
  const links = linkStory({ language: file.language, paragraphs: file.paragraphs, words: paragraphWords, review: false }, kb);
  const mentions = links.mentions.map((m): MentionTuple => [m.paragraph, m.start, m.end, m.slug]);
  const linked = [...new Set([...mentions.map((m) => m[3]), ...file.events, ...file.about])];
  const ofType = (type: EntityType) => linked.filter((slug) => typeOf(slug) === type);
  return {
    type: 'Article',
    slug: file.slug,
    headline: file.headline,
    language: file.language,
    dateline: file.dateline,
    datelinePlace: file.datelinePlace,
    // Lists sort and filter by the date as the source printed it (its own offset): the
    // date part of an RFC 3339 date-time is that local date.
    datePublished: file.datePublished.slice(0, 10),
    datePublishedTime: file.datePublished.length > 10 ? file.datePublished : undefined,
    dateModified: file.dateModified,
    datePublishedPrecision: file.datePublishedPrecision,
    datePublishedInferred: file.datePublishedInferred,
    dateNote: file.dateNote,
    source: file.source,
    url: file.url,
    ...alternates(file),
    byline: file.byline,
    summary: file.summary,
    section: file.section,
    version: file.version,
    urgency: file.urgency,
    // Breaking when the data says so, else when the source marks it most urgent (ninjs 1 or 2); stored only when true.
    ...((file.breaking ?? (file.urgency !== undefined && file.urgency <= BREAKING_URGENCY)) ? { breaking: true } : {}),
    wordCount: paragraphWords.reduce((n, ws) => n + ws.length, 0),
    ...(Object.fromEntries(ENTITY_KINDS.map((k) => [k.links, ofType(k.type)])) as Record<EntityLinks, string[]>),
    paragraphs: file.paragraphs,
    // Stored only when it holds more than the paragraphs (the API makes that body from them).
    ...(file.body && file.body.some((b) => typeof b !== 'number') ? { body: file.body } : {}),
    mentions,
    authors: file.authors,
    images: file.images,
    subjects: file.subjects,
    copyright: file.copyright,
    origin: file.origin,
    translations: file.translations,
  };
}

/** The least urgent ninjs urgency (1 most, 9 least) a story is breaking at unless the data says otherwise: flash and bulletin. */
export const BREAKING_URGENCY = 2;

/**
 * The story's other URLs: the file's, and the page an HTML story was read from when that is not
 * its canonical URL (an AMP or mobile page, say). Absent when none, so other documents keep their bytes.
 */
function alternates(file: ArticleFile): { alternateUrls?: string[] } {
  const page = file.origin?.format === 'HTML' && file.origin.url && /^https?:/i.test(file.origin.url) ? [file.origin.url] : [];
  const urls = [...new Set([...(file.alternateUrls ?? []), ...page])].filter((u) => u !== file.url);
  return urls.length > 0 ? { alternateUrls: urls } : {};
}

/**
 * Builds articles one at a time against the data set's entities (its `articles` are not
 * read): the knowledge base the linker uses and each slug's type are built once, so a full
 * build can stream its articles through it.
 */
export function articleBuilder(entities: Omit<DataSet, 'articles'>): (file: ArticleFile) => ArticleDoc {
  const index = entityIndex(entities);
  const typeOf = (slug: string): EntityType => index.get(slug)!.type;
  const kb = buildKnowledgeBase(kbEntities(entities));
  return (file) => toArticleDoc(file, kb, typeOf);
}

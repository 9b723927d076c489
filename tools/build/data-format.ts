import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';
import type { EntityLinks } from '../../src/model/entity-kinds';
import { DatePrecision, EventStatus, PlaceKind } from '../../src/model/schema-enums.gen';

/**
 * The format of the files under data/: one article per file in data/articles/<slug>.json,
 * and the knowledge base in data/entities/{people,events,places,organizations}.json (an array
 * each). This is the only definition; schema/*.schema.json are generated from it for editors.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const slug = z
  .string()
  .max(INPUT_LIMITS.slugLength)
  .regex(SLUG, 'must be a slug: lowercase ASCII letters and digits joined by single hyphens');

export const languageTag = z
  .string()
  .max(INPUT_LIMITS.languageTagLength)
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "hi" or "en"');

export const isoDate = z.string().refine((value) => {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}, 'must be a calendar date as YYYY-MM-DD');

/**
 * An RFC 3339 date-time with its offset (`2024-06-12T10:30:00+05:30`, `...Z`): the time of
 * day as the source printed it, in the source's own offset. Seconds and fractions optional.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export const isoDateTime = z.string().refine((value) => {
  const m = DATE_TIME.exec(value);
  return m !== null && isoDate.safeParse(m[1]).success;
}, 'must be an RFC 3339 date-time with an offset, such as 2024-06-12T10:30:00+05:30');

/** A date (`YYYY-MM-DD`, when the source gives no time) or a date-time with its offset. */
export const dateOrDateTime = z.string().refine(
  (value) => isoDate.safeParse(value).success || isoDateTime.safeParse(value).success,
  'must be a calendar date as YYYY-MM-DD or an RFC 3339 date-time with an offset',
);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/**
 * Non-blank text, kept exactly as written: not trimmed, since a paragraph is published
 * character for character (a transform here silently changed " !" to "!", found by
 * tests/node/bad-data/fuzz-build.test.ts).
 */
const text = z.string().refine((value) => value.trim().length > 0, 'must not be empty');
/** A name or an alias: a few words, not a paragraph. */
const name = text.max(INPUT_LIMITS.nameLength, `must be at most ${INPUT_LIMITS.nameLength} characters (a name, not a paragraph)`);
const datePrecision = z.enum(DatePrecision);

/** Names or descriptions by language: { "en": "...", "hi": "..." }. */
const byLanguage = z.record(languageTag, text);
const namesByLanguage = z.record(languageTag, name);

const alias = z.strictObject({ language: languageTag, value: name });

const entityBase = {
  slug,
  defaultLanguage: languageTag,
  names: namesByLanguage.refine((names) => Object.keys(names).length > 0, 'needs at least one name'),
  aliases: z.array(alias).default([]),
  description: byLanguage.default({}),
  wikidataId: z.string().regex(/^Q[1-9][0-9]*$/, 'must be a Wikidata item such as Q7747').optional(),
};

const namesIncludeDefault = (e: { names: Record<string, string>; defaultLanguage: string }) =>
  e.defaultLanguage in e.names;
const defaultNameMessage = { message: 'needs a name in its defaultLanguage', path: ['names'] };

export const personFile = z
  .strictObject({ ...entityBase, /** Wikidata P569, where known to the day. */ birthDate: isoDate.optional() })
  .refine(namesIncludeDefault, defaultNameMessage);

export const eventFile = z
  .strictObject({
    ...entityBase,
    startDate: isoDate,
    endDate: isoDate.optional(),
    datePrecision,
    status: z.enum(EventStatus),
    location: slug.optional(),
    participants: z.array(slug).default([]),
  })
  .refine(namesIncludeDefault, defaultNameMessage)
  .refine((e) => !e.endDate || e.endDate >= e.startDate, {
    message: 'must not be before startDate',
    path: ['endDate'],
  });

export const placeFile = z
  .strictObject({
    ...entityBase,
    kind: z.enum(PlaceKind),
    country: slug.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .refine(namesIncludeDefault, defaultNameMessage);

export const organizationFile = z
  .strictObject({ ...entityBase, country: slug.optional() })
  .refine(namesIncludeDefault, defaultNameMessage);

/** One file of an image: the original or a rendition of it (IPTC ninjs `renditions`). */
const imageFile = {
  url: httpUrl,
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** IANA media type, such as image/jpeg. */
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type such as image/jpeg').optional(),
};

const image = z.strictObject({
  ...imageFile,
  caption: text.optional(),
  credit: text.optional(),
  /** Other sizes or crops of the same picture, named as the source names them ("thumbnail"). */
  renditions: z.array(z.strictObject({ name: text.optional(), ...imageFile })).default([]),
});

/**
 * A subject: an IPTC Media Topic (`code` such as "medtop:11000000" with its `name`), another
 * scheme's code, or a free tag (a `name` alone).
 */
const subject = z.strictObject({
  name: text,
  code: text.optional(),
  uri: httpUrl.optional(),
});

const author = z.strictObject({
  name: text,
  url: httpUrl.optional(),
  /** The Person in data/entities this author is, where known. */
  person: slug.optional(),
});

/** Where an ingested story came from: enough to find it again (its identity) and to cite it. */
export const sourceFormats = ['NINJS', 'JSON_LD', 'HTML', 'RSS', 'ATOM'] as const;
const origin = z.strictObject({
  format: z.enum(sourceFormats),
  /** The format's version as the source declares it (ninjs "3.1", RSS "2.0"). */
  formatVersion: text.optional(),
  /** The source's identifier: ninjs `uri`, RSS `guid`, Atom `id`, JSON-LD `@id`. */
  uri: text.optional(),
  /** Where it was read from: the page, feed or file URL. */
  url: text.optional(),
});

const translation = z.strictObject({
  language: languageTag,
  /** The translation's slug, when it is in data/articles too. */
  slug: slug.optional(),
  url: httpUrl.optional(),
});

export const articleFile = z
  .strictObject({
    $schema: z.string().optional(),
    slug,
    language: languageTag,
    headline: text.max(INPUT_LIMITS.headlineLength, `must be at most ${INPUT_LIMITS.headlineLength} characters`),
    /** The canonical URL of the story on the publisher's site. */
    url: httpUrl.optional(),
    /** The byline as printed ("By Jane Doe, Seoul"). */
    byline: text.optional(),
    authors: z.array(author).default([]),
    /** A standfirst or description, apart from the body. */
    summary: text.optional(),
    images: z.array(image).default([]),
    subjects: z.array(subject).default([]),
    section: text.optional(),
    copyright: text.optional(),
    /** Counts the changes the source made to the story: 1 when first ingested. */
    version: z.number().int().min(1).optional(),
    origin: origin.optional(),
    translations: z.array(translation).default([]),
    /** Not published before this instant: the build leaves the article out until then. */
    embargoedUntil: isoDateTime.optional(),
    /** The place line the first paragraph opens with, as printed. */
    dateline: text.optional(),
    datelinePlace: slug.optional(),
    /** The date, or the date and time with the source's offset where the source gives one. */
    datePublished: dateOrDateTime,
    dateModified: dateOrDateTime.optional(),
    datePublishedPrecision: datePrecision.default('DAY'),
    datePublishedInferred: z.boolean().default(false),
    dateNote: text.optional(),
    source: text.optional(),
    /** The body, paragraph by paragraph, every character as published. */
    paragraphs: z.array(text).min(1, 'needs at least one paragraph'),
    /** Events the article reports, by slug: linked even where no alias names them. */
    events: z.array(slug).default([]),
    /** Other entities the article is about without naming them. */
    about: z.array(slug).default([]),
    /** Generated articles (benchmarks) are never served unless asked for. */
    generated: z.boolean().optional(),
  })
  .refine((a) => !a.datePublishedInferred || a.dateNote, {
    message: 'an inferred date needs a dateNote saying how it was inferred',
    path: ['dateNote'],
  })
  .refine((a) => !a.dateline || a.paragraphs[0]!.startsWith(a.dateline), {
    message: 'the first paragraph must open with the dateline',
    path: ['dateline'],
  });

export type PersonFile = z.infer<typeof personFile>;
export type EventFile = z.infer<typeof eventFile>;
export type PlaceFile = z.infer<typeof placeFile>;
export type OrganizationFile = z.infer<typeof organizationFile>;
export type ArticleFile = z.infer<typeof articleFile>;

/** Each entity kind's file format, by the kind's name in src/model/entity-kinds.ts. */
export const entityFiles = {
  people: z.array(personFile),
  events: z.array(eventFile),
  places: z.array(placeFile),
  organizations: z.array(organizationFile),
} as const satisfies Record<EntityLinks, z.ZodType>;

import { z } from 'zod';

/**
 * The format of the files under data/: one article per file in data/articles/<slug>.json,
 * and the knowledge base in data/entities/{people,events,places,organizations}.json (an array
 * each). This is the only definition; schema/*.schema.json are generated from it for editors.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const slug = z
  .string()
  .max(120)
  .regex(SLUG, 'must be a slug: lowercase ASCII letters and digits joined by single hyphens');

export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "hi" or "en"');

export const isoDate = z.string().refine((value) => {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}, 'must be a calendar date as YYYY-MM-DD');

const text = z.string().trim().min(1, 'must not be empty');
const datePrecision = z.enum(['DAY', 'MONTH', 'YEAR']);

/** Names or descriptions by language: { "en": "...", "hi": "..." }. */
const byLanguage = z.record(languageTag, text);

const alias = z.strictObject({ language: languageTag, value: text });

const entityBase = {
  slug,
  defaultLanguage: languageTag,
  names: byLanguage.refine((names) => Object.keys(names).length > 0, 'needs at least one name'),
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
    status: z.enum(['SCHEDULED', 'OCCURRED', 'ONGOING', 'FAILED', 'CANCELLED']),
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
    kind: z.enum(['COUNTRY', 'CITY', 'FACILITY', 'REGION']),
    country: slug.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .refine(namesIncludeDefault, defaultNameMessage);

export const organizationFile = z
  .strictObject({ ...entityBase, country: slug.optional() })
  .refine(namesIncludeDefault, defaultNameMessage);

export const articleFile = z
  .strictObject({
    $schema: z.string().optional(),
    slug,
    language: languageTag,
    headline: text,
    /** The place line the first paragraph opens with, as printed. */
    dateline: text.optional(),
    datelinePlace: slug.optional(),
    datePublished: isoDate,
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

/** The entity files, by name under data/entities/, with the type of what they hold. */
export const entityFiles = {
  'people.json': { type: 'Person', schema: z.array(personFile) },
  'events.json': { type: 'Event', schema: z.array(eventFile) },
  'places.json': { type: 'Place', schema: z.array(placeFile) },
  'organizations.json': { type: 'Organization', schema: z.array(organizationFile) },
} as const;

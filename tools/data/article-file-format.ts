import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';
import { bodyFile, bodyProblems } from './body-file-format';
import { ARTICLE_URL_MAX, normalizeArticleUrl } from '../../src/model/article-url';
import { dateOrDateTime, datePrecision, httpUrl, isoDateTime, languageTag, slug, text } from './field-formats';

/**
 * One article's file, data/articles/<slug>.json, part of the data format
 * (tools/data/data-format.ts): the story, its images, subjects, authors, origin and
 * translations.
 */

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
  /** A text alternative for people who cannot see it (HTML `alt`); `caption` is what is printed under it. */
  alt: text.optional(),
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

/**
 * A byline. `url`, `id` and `sameAs` identify the author (src/model/author-identity.ts): two
 * bylines with the same identity are one author page; a byline with a name alone is keyed by the
 * name's handle.
 */
const author = z.strictObject({
  name: text,
  /** A page about the author on the publisher's site. */
  url: httpUrl.optional(),
  /** The source's own identifier: ninjs `authors[].uri`, JSON-LD `author.@id`. */
  id: text.max(300, 'must be at most 300 characters').optional(),
  /** Other pages that identify the author (schema.org `sameAs`: a profile, Wikidata). */
  sameAs: z.array(httpUrl).optional(),
  /** The name per language and script where the source gives more than one (`hi`, `hi-Latn`). */
  names: z.array(z.strictObject({ language: languageTag, value: text })).optional(),
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

/** A URL `article(url:)` finds the story by: its normal form (src/model/article-url.ts) must fit a KV key. */
const articleUrl = httpUrl.refine(
  (url) => (normalizeArticleUrl(url)?.length ?? 0) <= ARTICLE_URL_MAX,
  `must be at most ${ARTICLE_URL_MAX} characters without its scheme, tracking parameters and fragment`,
);

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
    url: articleUrl.optional(),
    /** Other URLs of the same story (its AMP page, a mobile or print edition): `article(url:)` finds it by them too. */
    alternateUrls: z.array(articleUrl).optional(),
    /** The byline as printed ("By Jane Doe, Seoul"). */
    byline: text.optional(),
    authors: z.array(author).default([]),
    /** A standfirst or description, apart from the body. */
    summary: text.optional(),
    images: z.array(image).default([]),
    subjects: z.array(subject).default([]),
    section: text.optional(),
    copyright: text.optional(),
    /** The source's urgency, ninjs `urgency`: 1 most urgent, 9 least. */
    urgency: z.number().int().min(1, 'ninjs urgency runs from 1 (most urgent) to 9').max(9, 'ninjs urgency runs from 1 (most urgent) to 9').optional(),
    /** Breaking news: an editor's flag; when absent, an urgency of 1 or 2 makes a story breaking. */
    breaking: z.boolean().optional(),
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
    /** The body as typed blocks naming the paragraphs (body-file-format.ts); absent when it is the paragraphs alone. */
    body: bodyFile.optional(),
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
  })
  .superRefine((a, ctx) => {
    for (const p of a.body ? bodyProblems(a.body, a.paragraphs) : []) ctx.addIssue({ code: 'custom', message: p.message, path: ['body', ...p.path] });
  });

export type ArticleFile = z.infer<typeof articleFile>;

import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';
import { DatePrecision } from '../../src/model/schema-enums.gen';

/**
 * The field formats the files under data/ share (tools/data/data-format.ts): slugs, language
 * tags, dates and date-times, URLs, text and names, as zod schemas that say what is wrong.
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

export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/**
 * Non-blank text, kept exactly as written: not trimmed, since a paragraph is published
 * character for character (a transform here silently changed " !" to "!", found by
 * tests/node/bad-data/fuzz-build.test.ts).
 */
export const text = z.string().refine((value) => value.trim().length > 0, 'must not be empty');
/** A name or an alias: a few words, not a paragraph. */
export const name = text.max(INPUT_LIMITS.nameLength, `must be at most ${INPUT_LIMITS.nameLength} characters (a name, not a paragraph)`);
export const datePrecision = z.enum(DatePrecision);

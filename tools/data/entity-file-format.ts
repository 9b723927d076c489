import { z } from 'zod';
import { EventStatus, PlaceKind } from '../../src/model/schema-enums.gen';
import { datePrecision, isoDate, languageTag, name, slug, text } from './field-formats';

/**
 * The knowledge base's files, data/entities/{people,events,places,organizations}.json (an
 * array each), part of the data format (tools/data/data-format.ts).
 */

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

export type PersonFile = z.infer<typeof personFile>;
export type EventFile = z.infer<typeof eventFile>;
export type PlaceFile = z.infer<typeof placeFile>;
export type OrganizationFile = z.infer<typeof organizationFile>;

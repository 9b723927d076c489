import { z } from 'zod';
import type { EntityLinks } from '../../src/model/entity-kinds';
import { eventFile, organizationFile, personFile, placeFile } from './entity-file-format';

/**
 * The format of the files under data/: one article per file in data/articles/<slug>.json,
 * and the knowledge base in data/entities/{people,events,places,organizations}.json (an array
 * each). This is the only definition; schema/*.schema.json are generated from it for editors.
 * One concept a file: the shared field formats (field-formats.ts), the entity files
 * (entity-file-format.ts) and the article file (article-file-format.ts).
 */
export { dateOrDateTime, isoDate, isoDateTime, languageTag, slug } from './field-formats';
export { eventFile, organizationFile, personFile, placeFile } from './entity-file-format';
export type { EventFile, OrganizationFile, PersonFile, PlaceFile } from './entity-file-format';
export { articleFile, sourceFormats } from './article-file-format';
export type { ArticleFile } from './article-file-format';

/** Each entity kind's file format, by the kind's name in src/model/entity-kinds.ts. */
export const entityFiles = {
  people: z.array(personFile),
  events: z.array(eventFile),
  places: z.array(placeFile),
  organizations: z.array(organizationFile),
} as const satisfies Record<EntityLinks, z.ZodType>;

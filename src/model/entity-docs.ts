import type { EntityType } from './entity-kinds';
import type { DatePrecision, EventStatus, PlaceKind } from './schema-enums.gen';

/**
 * The entity documents (documents.ts): people, events, places and organizations as the build
 * writes them to KV, their names and descriptions by language, relations by slug.
 */

/** A text in one language; `language` is a BCP 47 tag. */
export interface LocalizedText {
  language: string;
  value: string;
}

/** A typed pointer to an entity, for relations whose target kind varies. */
export interface EntityRef {
  type: EntityType;
  slug: string;
}

/** What every entity has. Slugs are unique across all entity kinds. */
interface EntityBase {
  slug: string;
  defaultLanguage: string;
  names: LocalizedText[];
  aliases: LocalizedText[];
  descriptions: LocalizedText[];
  wikidataId?: string;
}

export interface PersonDoc extends EntityBase {
  type: 'Person';
  birthDate?: string;
}

export interface EventDoc extends EntityBase {
  type: 'Event';
  startDate: string;
  endDate?: string;
  datePrecision: DatePrecision;
  status: EventStatus;
  /** Slug of a Place. */
  location?: string;
  participants: EntityRef[];
}

export interface PlaceDoc extends EntityBase {
  type: 'Place';
  kind: PlaceKind;
  /** Slug of the Place (a country) it lies in. */
  country?: string;
  latitude?: number;
  longitude?: number;
}

export interface OrganizationDoc extends EntityBase {
  type: 'Organization';
  country?: string;
}

export type EntityDoc = PersonDoc | EventDoc | PlaceDoc | OrganizationDoc;

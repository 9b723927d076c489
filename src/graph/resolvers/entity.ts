import type { EntityDoc, EntityType, EventDoc, OrganizationDoc, PersonDoc, PlaceDoc } from '../../model/documents';
import { toGlobalId } from '../../model/global-id';
import { lists } from '../../model/keys';
import { pickLocalized } from '../../model/localized';
import type { ConnectionArgs } from '../../model/page-range';
import type { GraphContext } from '../context';
import { readConnection } from '../list-page';
import { entityDoc, ref, type EntityParent } from './refs';

type LanguageArg = { language?: string | null };

/** Fields every entity type shares; `id`, `slug` and the lists need no read of the document. */
function entityFields() {
  const field =
    <K extends keyof EntityDoc>(key: K) =>
    async (e: EntityParent, _: unknown, ctx: GraphContext) =>
      (await entityDoc(e, ctx))[key] ?? null;
  return {
    id: (e: EntityParent) => toGlobalId(e.type, e.slug),
    slug: (e: EntityParent) => e.slug,
    async name(e: EntityParent, { language }: LanguageArg, ctx: GraphContext) {
      const doc = await entityDoc(e, ctx);
      return pickLocalized(doc.names, language, doc.defaultLanguage)?.value ?? doc.slug;
    },
    async description(e: EntityParent, { language }: LanguageArg, ctx: GraphContext) {
      const doc = await entityDoc(e, ctx);
      return pickLocalized(doc.descriptions, language, doc.defaultLanguage)?.value ?? null;
    },
    names: field('names'),
    aliases: field('aliases'),
    wikidataId: field('wikidataId'),
    articles: (e: EntityParent, args: ConnectionArgs, ctx: GraphContext) =>
      readConnection(ctx.reader, { list: lists.articlesAbout(e) }, args),
  };
}

const eventsOf = (e: EntityParent, args: ConnectionArgs, ctx: GraphContext) =>
  readConnection(ctx.reader, { list: lists.eventsWith(e) }, args);

/** A field of a subtype's document. */
const docField =
  <D extends EntityDoc>() =>
  <K extends keyof D>(key: K) =>
  async (e: EntityParent, _: unknown, ctx: GraphContext) =>
    (await entityDoc<D>(e, ctx))[key] ?? null;

const placeRef =
  <D extends EventDoc | PlaceDoc | OrganizationDoc>(key: 'location' | 'country') =>
  async (e: EntityParent, _: unknown, ctx: GraphContext) => {
    const slug = (await entityDoc<D>(e, ctx))[key as keyof D] as string | undefined;
    return slug ? ref('Place', slug) : null;
  };

const event = docField<EventDoc>();
const place = docField<PlaceDoc>();

export const Person = { ...entityFields(), events: eventsOf, birthDate: docField<PersonDoc>()('birthDate') };

export const Event = {
  ...entityFields(),
  startDate: event('startDate'),
  endDate: event('endDate'),
  datePrecision: event('datePrecision'),
  status: event('status'),
  location: placeRef<EventDoc>('location'),
  participants: event('participants'),
};

export const Place = {
  ...entityFields(),
  kind: place('kind'),
  latitude: place('latitude'),
  longitude: place('longitude'),
  country: placeRef<PlaceDoc>('country'),
  events: eventsOf,
};

export const Organization = { ...entityFields(), country: placeRef<OrganizationDoc>('country') };

/** Interface and union members resolve by the `type` every ref and document carries. */
export const resolveType = (value: { type: EntityType | 'Article' }) => value.type;

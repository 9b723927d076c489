import type { ArticleCard, EntityDoc, EventDoc, OrganizationDoc, PersonDoc, PlaceDoc } from '../../model/documents';
import { toGlobalId } from '../../model/global-id';
import { lists } from '../../model/keys';
import { pickLocalized } from '../../model/localized';
import type { GraphContext } from '../context';
import { readConnection } from '../list-page';
import type {
  EventResolvers,
  OrganizationResolvers,
  PersonEventsArgs,
  PersonResolvers,
  PlaceResolvers,
} from '../resolver-types.gen';
import { entityDoc, ref, type EntityParent } from './refs';

/** A resolver of one value of the entity's document, read when the parent is only a ref. */
const fromDoc =
  <D extends EntityDoc, V>(pick: (doc: D) => V) =>
  async (e: EntityParent, _: unknown, ctx: GraphContext): Promise<V> =>
    pick(await entityDoc<D>(e, ctx));

async function localizedName(e: EntityParent, language: string | null | undefined, ctx: GraphContext) {
  const doc = await entityDoc(e, ctx);
  return pickLocalized(doc.names, language || ctx.languages, doc.defaultLanguage) ?? { language: doc.defaultLanguage, value: doc.slug };
}

async function localizedDescription(e: EntityParent, language: string | null | undefined, ctx: GraphContext) {
  const doc = await entityDoc(e, ctx);
  return pickLocalized(doc.descriptions, language || ctx.languages, doc.defaultLanguage);
}

const placeRef = (slug: string | undefined) => (slug ? ref('Place', slug) : null);

/** Fields every entity type shares; `id`, `slug` and the lists need no read of the document. */
const entityFields = {
  id: (e) => toGlobalId(e.type, e.slug),
  slug: (e) => e.slug,
  // A field's own `language` wins; else the request's Accept-Language (src/text/accept-language.ts).
  async name(e, { language }, ctx) {
    return (await localizedName(e, language, ctx)).value;
  },
  async description(e, { language }, ctx) {
    return (await localizedDescription(e, language, ctx))?.value ?? null;
  },
  localizedName: (e, { language }, ctx) => localizedName(e, language, ctx),
  localizedDescription: async (e, { language }, ctx) => (await localizedDescription(e, language, ctx)) ?? null,
  names: fromDoc((d) => d.names),
  aliases: fromDoc((d) => d.aliases),
  wikidataId: fromDoc((d) => d.wikidataId ?? null),
  articles: (e, args, ctx) => readConnection<ArticleCard>(ctx.reader, { list: lists.articlesAbout(e) }, args),
} satisfies PersonResolvers;

const eventsOf = (e: EntityParent, args: Partial<PersonEventsArgs>, ctx: GraphContext) =>
  readConnection<EventDoc>(ctx.reader, { list: lists.eventsWith(e) }, args);

export const Person = {
  ...entityFields,
  events: eventsOf,
  birthDate: fromDoc((d: PersonDoc) => d.birthDate ?? null),
} satisfies PersonResolvers;

export const Event = {
  ...entityFields,
  startDate: fromDoc((d: EventDoc) => d.startDate),
  endDate: fromDoc((d: EventDoc) => d.endDate ?? null),
  datePrecision: fromDoc((d: EventDoc) => d.datePrecision),
  status: fromDoc((d: EventDoc) => d.status),
  location: fromDoc((d: EventDoc) => placeRef(d.location)),
  participants: fromDoc((d: EventDoc) => d.participants),
} satisfies EventResolvers;

export const Place = {
  ...entityFields,
  kind: fromDoc((d: PlaceDoc) => d.kind),
  latitude: fromDoc((d: PlaceDoc) => d.latitude ?? null),
  longitude: fromDoc((d: PlaceDoc) => d.longitude ?? null),
  country: fromDoc((d: PlaceDoc) => placeRef(d.country)),
  events: eventsOf,
} satisfies PlaceResolvers;

export const Organization = {
  ...entityFields,
  country: fromDoc((d: OrganizationDoc) => placeRef(d.country)),
} satisfies OrganizationResolvers;

/**
 * The one table of entity kinds: the GraphQL type, the article field that links them (and
 * the data file under data/entities/ that holds them), and the argument that filters by one.
 * Everything that walks "people, events, places, organizations" walks this table.
 */
export const ENTITY_KINDS = [
  { type: 'Person', links: 'people', filter: 'person' },
  { type: 'Event', links: 'events', filter: 'event' },
  { type: 'Place', links: 'places', filter: 'place' },
  { type: 'Organization', links: 'organizations', filter: 'organization' },
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type EntityType = EntityKind['type'];
/** The article fields listing linked entity slugs by kind: people, events, places, organizations. */
export type EntityLinks = EntityKind['links'];
/** Authors are nodes too, though not entities an article is about (src/model/author-record.ts). */
export type NodeType = 'Article' | 'Author' | EntityType;

export const ENTITY_TYPES: readonly EntityType[] = ENTITY_KINDS.map((k) => k.type);
export const NODE_TYPES: readonly NodeType[] = ['Article', 'Author', ...ENTITY_TYPES];

/** The entity file under data/entities/ that holds a kind: people.json, events.json, ... */
export const entityFileName = (kind: EntityKind): `${EntityLinks}.json` => `${kind.links}.json`;

/** Every entity slug an article links to, kind by kind. */
export function linkedSlugs(card: Record<EntityLinks, readonly string[]>): string[] {
  return ENTITY_KINDS.flatMap((k) => card[k.links]);
}

/** The kind of each entity an article links to, by slug (mentions store slugs only). */
export function linkedTypes(card: Record<EntityLinks, readonly string[]>): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const kind of ENTITY_KINDS) for (const slug of card[kind.links]) types.set(slug, kind.type);
  return types;
}

import { TOPIC_FILTERS, type TopicFilter } from './topic-keys';
import { ENTITY_KINDS } from './entity-kinds';
import { chainIndex, holds, keyHash } from './generations';
import { lists as listNames } from './keys';
import type { ChangeTuple } from './changes';
import { toGlobalId } from './global-id';
import type { VersionPointer } from './version-pointer';

/**
 * GET /updates, the live stream of new data versions, as server-sent events (WHATWG HTML,
 * "Server-sent events": `id:`, `event:`, `data:` fields, a blank line ending each event, a
 * line starting with `:` a comment, `retry:` the reconnection delay). Each event's id is the
 * data version, so a client that reconnects sends it back as `Last-Event-ID` and is told
 * what it missed. Pure: the stage that streams them is src/front/updates.ts.
 */

/** Lists an app may name per stream: each costs a few hash look-ups per new version. */
export const MAX_STREAM_LISTS = 20;

/** The lists an app names as `?lists=latest,person:kim-jong-un,section:world`, by their public names. */
export type NamedLists = ReadonlyMap<string, string>;

/** The stored list behind a public list name, or null when the name is not one. */
export function listOf(name: string): string | null {
  if (name === 'latest') return listNames.articles;
  const colon = name.indexOf(':');
  if (colon <= 0 || colon === name.length - 1) return null;
  const [kind, value] = [name.slice(0, colon), name.slice(colon + 1)];
  const entity = ENTITY_KINDS.find((k) => k.filter === kind);
  if (entity) return listNames.articlesAbout({ type: entity.type, slug: value });
  if (kind in TOPIC_FILTERS) {
    const topic = TOPIC_FILTERS[kind as TopicFilter];
    return topic.list(topic.handle(value));
  }
  if (kind === 'language') return listNames.articlesInLanguage(value);
  return null;
}

/** `?lists=` read: the public names and their stored lists, or what is wrong with it. */
export function parseListNames(param: string | null): { lists: NamedLists } | { error: string } {
  return namedLists((param ?? '').split(','));
}

/** Lists an app names (GET /updates' `?lists=`, `changes(lists:)`): each public name and its stored list, or what is wrong. */
export function namedLists(given: readonly string[]): { lists: NamedLists } | { error: string } {
  const names = [...new Set(given.map((n) => n.trim()).filter(Boolean))];
  if (names.length > MAX_STREAM_LISTS) return { error: `\`lists\` names at most ${MAX_STREAM_LISTS} lists; it named ${names.length}.` };
  const lists = new Map<string, string>();
  for (const name of names) {
    const list = listOf(name);
    if (list === null) return { error: `\`lists\`: "${name.slice(0, 80)}" is not a list; use latest, person:<slug>, place:<slug>, organization:<slug>, event:<slug>, section:<name>, subject:<code or tag:name>, author:<slug> or language:<code>.` };
    lists.set(name, list);
  }
  return { lists };
}

/**
 * Which of the named lists changed at their top (the head or leaf 0, which holds a list's
 * first page: src/model/list-layout.ts) between `since` and `pointer`, from the key sets the
 * pointer's generations carry (no KV read). Null when the pointer does not descend from
 * `since` by steps it records (a full build, a rollback): anything may have changed.
 */
export function touchedLists(pointer: VersionPointer, since: string, lists: NamedLists): string[] | null {
  const written = chainIndex(pointer).writtenSince(since);
  if (written === null) return null;
  return [...lists].filter(([, list]) => [`h:${list}`, `l:${list}:0`].some((key) => written.some((set) => holds(set, keyHash(key))))).map(([name]) => name);
}

/** Changed node ids an event lists; past it, `changes(since: previous)` pages through them. */
export const MAX_EVENT_NODES = 100;

/** What one event says: the version, the one the client had, the nodes and named lists that changed. */
export interface VersionEvent {
  version: string;
  previous: string | null;
  builtAt: string;
  articles: number;
  /**
   * Global ids of the nodes changed since `previous` (the first MAX_EVENT_NODES, in id order),
   * and how many there are; null when the sync log does not hold that step.
   */
  nodes: string[] | null;
  nodeCount: number | null;
  /** The named lists whose first page changed; all of them when `full` (nothing is known). */
  lists: string[];
  /** The version does not descend from `previous` by recorded steps: refetch what is shown. */
  full: boolean;
}

export function versionEvent(pointer: VersionPointer, previous: string | null, lists: NamedLists, changed: ChangeTuple[] | null = null): VersionEvent {
  const touched = previous === null ? [] : touchedLists(pointer, previous, lists);
  return {
    version: pointer.version,
    previous,
    builtAt: pointer.builtAt,
    articles: pointer.articleCount,
    nodes: changed && changed.slice(0, MAX_EVENT_NODES).map(([type, slug]) => toGlobalId(type, slug)),
    nodeCount: changed && changed.length,
    lists: touched ?? [...lists.keys()],
    full: previous !== null && touched === null,
  };
}

/** One event on the wire; the data is one JSON line, so no `data:` field is split. */
export const eventText = (event: VersionEvent): string => `id: ${event.version}\nevent: version\ndata: ${JSON.stringify(event)}\n\n`;

/** A comment line: keeps proxies from closing an idle stream; clients ignore it. */
export const commentText = (text: string): string => `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;

/** The reconnection delay the client is to use after the stream ends. */
export const retryText = (ms: number): string => `retry: ${Math.round(ms)}\n\n`;

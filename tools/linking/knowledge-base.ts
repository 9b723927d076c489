import { isAcronym, isLatinWord, matchKey } from './match-key';
import { stripTitles } from './titles';
import { words } from '../../src/text/words';
import { sharedOf } from './shared-lists';

/**
 * The knowledge base as the linker sees it: every entity with its names in every language and
 * what it is related to (country, location, participants: the context that tells apart two
 * entities sharing a name), and an index from each name's match key to the entities it names.
 */

export type EntityType = 'Person' | 'Event' | 'Place' | 'Organization';

export interface KbEntity {
  slug: string;
  type: EntityType;
  kind?: string;
  wikidataId?: string;
  names: Array<{ language: string; value: string }>;
  /** Slugs this entity is tied to: its country, an event's place and participants. */
  related: string[];
}

export interface Alias {
  keys: string[];
  /** As written, for the acronym check (USA matches "USA", never "usa"). */
  words: string[];
  acronym: readonly boolean[];
  latin: boolean;
  /** What the name writes between its words when that is not a space ("S. Korea": ". "). */
  gaps: readonly string[];
  /** The name ends with a full stop that is part of it ("U.S."). */
  dotted: boolean;
  /** The entities this alias names. */
  slugs: string[];
  /** For each of `slugs`, the languages the alias is its name in (a shared list per set of languages). */
  languages: Array<readonly string[]>;
}

/**
 * What the linker keeps of each entity is its type: names live in the aliases, ties in
 * `neighbours`. The small per-alias lists (acronym flags, gaps, languages) are shared between
 * aliases with equal contents, so a million entities cost their names and little else.
 */
export interface KnowledgeBase {
  /** Each entity's type, by slug. */
  entities: Map<string, EntityType>;
  byWikidataId: Map<string, string>;
  /** Aliases by the key of their first word, longest first. */
  aliases: Map<string, Alias[]>;
  /** Names written in Han or kana, which the text does not space: by first character, longest first. */
  cjk: Map<string, Alias[]>;
  /** Both directions of `related`, by slug. */
  neighbours: Map<string, Set<string>>;
  /** Every alias by its whole key, to add an entity's names to the one alias others share. */
  byAliasKey: Map<string, Alias>;
}

interface EntityFileLike {
  slug: string;
  names: Record<string, string>;
  aliases: Array<{ language: string; value: string }>;
  wikidataId?: string;
  kind?: string;
  country?: string;
  location?: string;
  participants?: string[];
}

export interface DataSetLike {
  people: EntityFileLike[];
  events: EntityFileLike[];
  places: EntityFileLike[];
  organizations: EntityFileLike[];
}

/** The data set's entities as the linker reads them, one at a time (a million need not be held twice). */
export function* kbEntities(data: DataSetLike): Generator<KbEntity> {
  const types: Array<[EntityType, EntityFileLike[]]> = [['Person', data.people], ['Event', data.events], ['Place', data.places], ['Organization', data.organizations]];
  for (const [type, items] of types) {
    for (const e of items) {
      const names = [...Object.entries(e.names).map(([language, value]) => ({ language, value })), ...e.aliases];
      const related = [e.country, e.location, ...(e.participants ?? [])].filter((s): s is string => !!s);
      yield { slug: e.slug, type, kind: e.kind, wikidataId: e.wikidataId, names, related };
    }
  }
}


/** The words of a name as the index holds them; titles are stripped from people's names only
 * ("General Motors" and "Prince Edward Island" keep theirs). */
export function aliasWords(name: string, type: EntityType): string[] {
  return words(type === 'Person' ? stripTitles(name) : name).map((w) => w.text);
}

export const aliasKeyOf = (ws: string[]): string => ws.map(matchKey).join(' ');

/**
 * Hindi forms the adjective of a country with -ी or -ीय on its name (रूस -> रूसी, जापान -> जापानी,
 * भारत -> भारतीय; a final -ा gives way: अमेरिका -> अमेरिकी), and a story names the country by it
 * ("भारतीय फिल्म उद्योग"). Only one-word names of three letters or more, so short names do not
 * turn into common words.
 */
export function hindiDemonyms(name: string): string[] {
  if (!/^[\u0900-\u097F]{3,}$/.test(name)) return [];
  const stem = name.endsWith('\u093E') ? name.slice(0, -1) : name;
  return [`${stem}\u0940`, `${stem}\u0940\u092F`];
}

/** A name in Han or kana (Chinese, Japanese): matched by characters, not by words. */
export const isCjkName = (name: string): boolean => /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u30FB\u00B7\u3005]{2,}$/u.test(name);

/** The separators between the words of a name, as written. */
function gapsOf(name: string, ws: string[]): string[] {
  const gaps: string[] = [];
  let at = name.indexOf(ws[0]!) + ws[0]!.length;
  for (const w of ws.slice(1)) {
    const next = name.indexOf(w, at);
    gaps.push(name.slice(at, next));
    at = next + w.length;
  }
  return gaps;
}

export function buildKnowledgeBase(entities: Iterable<KbEntity>): KnowledgeBase {
  const kb: KnowledgeBase = {
    entities: new Map(), byWikidataId: new Map(), aliases: new Map(), cjk: new Map(), neighbours: new Map(), byAliasKey: new Map(),
  };
  for (const e of entities) addEntity(kb, e, false);
  for (const list of kb.aliases.values()) list.sort(byWords);
  for (const list of kb.cjk.values()) list.sort(byLength);
  return kb;
}

/**
 * Adds one entity to a knowledge base (an entity created while a run is linking stories: the
 * stories after it link to it too). `sort` keeps each index list longest first; a bulk build
 * sorts once at the end instead.
 */
export function addEntity(kb: KnowledgeBase, e: KbEntity, sort = true): void {
  const link = (a: string, b: string) => {
    if (!kb.neighbours.has(a)) kb.neighbours.set(a, new Set());
    kb.neighbours.get(a)!.add(b);
  };
  const lists = sharedOf(kb);
  const known = kb.entities.has(e.slug);
  kb.entities.set(e.slug, e.type);
  if (e.wikidataId) kb.byWikidataId.set(e.wikidataId, e.slug);
  for (const r of e.related) {
    link(e.slug, r);
    link(r, e.slug);
  }
  const demonyms = e.type === 'Place' && e.kind === 'COUNTRY'
    ? e.names.filter((n) => n.language === 'hi').flatMap((n) => hindiDemonyms(n.value).map((value) => ({ language: 'hi', value })))
    : [];
  for (const { language, value } of [...e.names, ...demonyms]) {
    const cjk = isCjkName(value.normalize('NFC'));
    const ws = cjk ? [value.normalize('NFC')] : aliasWords(value, e.type);
    if (ws.length === 0) continue;
    const key = cjk ? `cjk:${ws[0]}` : aliasKeyOf(ws);
    let alias = kb.byAliasKey.get(key);
    const made = !alias;
    if (!alias) {
      // Names repeat words (given names, surnames, "of"): each is held once.
      const held = ws.map((w) => lists.word(w));
      const keys = cjk ? held : key.split(' ').map((k) => lists.word(k));
      alias = {
        keys,
        words: held,
        acronym: lists.of(ws.map(isAcronym)),
        latin: ws.every(isLatinWord),
        gaps: lists.of(cjk ? [] : gapsOf(value, ws)),
        dotted: /\.$/.test(value) && !ws[ws.length - 1]!.endsWith('.'),
        // Sized when made: most aliases name one entity, and a pushed-to empty array keeps room for 17.
        slugs: [e.slug],
        languages: [lists.of([language])],
      };
      kb.byAliasKey.set(key, alias);
      const index = cjk ? kb.cjk : kb.aliases;
      const first = cjk ? ws[0]![0]! : alias.keys[0]!;
      const list = index.get(first) ?? [];
      list.push(alias);
      if (sort) list.sort(cjk ? byLength : byWords);
      index.set(first, list);
    }
    if (made) continue;
    // Names are added entity by entity: a new entity can only be this alias's last.
    const at = alias.slugs.at(-1) === e.slug ? alias.slugs.length - 1 : known ? alias.slugs.indexOf(e.slug) : -1;
    if (at < 0) {
      alias.slugs.push(e.slug);
      alias.languages.push(lists.of([language]));
    } else if (!alias.languages[at]!.includes(language)) {
      alias.languages[at] = lists.of([...alias.languages[at]!, language].sort());
    }
  }
}

const byWords = (a: Alias, b: Alias) => b.keys.length - a.keys.length;
const byLength = (a: Alias, b: Alias) => b.words[0]!.length - a.words[0]!.length;

import type { ArticleCard, ArticleDoc, EntityDoc, EntityType, EventDoc, VersionPointer } from '../../src/model/documents';
import { ENTITY_KINDS, linkedSlugs } from '../../src/model/entity-kinds';
import { articleKey, entityKey, lists, POINTER_KEY, versionPrefix } from '../../src/model/keys';
import { utf8Length } from '../../src/text/utf8-length';
import { buildList } from './build-list';
import { buildKnowledgeBase, kbEntities } from '../linking/knowledge-base';
import { buildSearchIndex, searchEntries } from './search-index';
import type { KvEntry } from './kv-entry';
import type { DataSet } from './read-data-set';
import { toArticleDoc, toEntityDoc } from './to-documents';
import { entityIndex } from './validate-links';

export interface CompiledData {
  version: string;
  /** Every key of the version; the pointer is not among them. */
  entries: KvEntry[];
  /** Written last, once every entry is in place. */
  pointer: KvEntry & { value: VersionPointer };
  summary: { articles: number; entities: number; mentions: number; keys: number; bytes: number };
}

const card = ({
  paragraphs: _p, mentions: _m, authors: _a, images: _i, subjects: _s, copyright: _c, origin: _o, translations: _t,
  ...rest
}: ArticleDoc): ArticleCard => rest;
const newestFirst = (a: ArticleCard, b: ArticleCard) =>
  b.datePublished.localeCompare(a.datePublished) || a.slug.localeCompare(b.slug);
const byStart = (a: EventDoc, b: EventDoc) => a.startDate.localeCompare(b.startDate) || a.slug.localeCompare(b.slug);

function groupBy<T>(items: T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * Turns a validated data set into the KV entries of one data version. The version is a hash
 * of the content, so building the same data twice yields the same keys.
 */
export async function compile(dataSet: DataSet, builtAt: string, hash: (text: string) => Promise<string>): Promise<CompiledData> {
  const index = entityIndex(dataSet);
  const typeOf = (slug: string): EntityType => index.get(slug)!.type;
  const entityFiles = ENTITY_KINDS.flatMap((k) => dataSet[k.links].map((f) => toEntityDoc(k.type, f, typeOf)));
  const kb = buildKnowledgeBase(kbEntities(dataSet));
  const articles = dataSet.articles.map((f) => toArticleDoc(f, kb, typeOf));
  const cards = articles.map(card).sort(newestFirst);
  const events = entityFiles.filter((e): e is EventDoc => e.type === 'Event').sort(byStart);
  const countryOf = new Map(dataSet.places.map((p) => [p.slug, p.country]));

  // Entity-keyed lists: articles linking an entity; events it took part in or that were held
  // in it (or in a place within it).
  const articlesAbout = groupBy(cards, linkedSlugs);
  const eventsWith = groupBy(events, (e) => [
    ...e.participants.map((p) => p.slug),
    ...(e.location ? [e.location, countryOf.get(e.location) ?? e.location] : []),
  ]);
  const people = entityFiles
    .filter((e) => e.type === 'Person')
    .sort((a, b) => a.names[0]!.value.localeCompare(b.names[0]!.value, 'en'));

  const search = buildSearchIndex(cards, articles, entityFiles);

  const build = (version: string): KvEntry[] => [
    ...articles.map((a) => ({ key: articleKey(version, a.slug), value: a })),
    ...entityFiles.map((e) => ({ key: entityKey(version, e.slug), value: e })),
    ...buildList(version, lists.articles, cards, 'desc'),
    ...[...groupBy(cards, (a) => [a.language])].flatMap(([language, items]) =>
      buildList(version, lists.articlesInLanguage(language), items, 'desc'),
    ),
    ...[...articlesAbout].flatMap(([slug, items]) =>
      buildList(version, lists.articlesAbout({ type: typeOf(slug), slug }), items, 'desc'),
    ),
    ...buildList(version, lists.events, events, 'asc'),
    ...[...eventsWith].flatMap(([slug, items]) =>
      buildList(version, lists.eventsWith({ type: typeOf(slug), slug }), items, 'asc'),
    ),
    ...buildList(version, lists.people, people as EntityDoc[], 'asc'),
    ...searchEntries(version, search),
  ];

  // Build once under a placeholder version, hash the content entry by entry (a single string
  // of it would pass V8's string limit at 100,000 articles), then move the keys to the real
  // version: the keys differ only in their version prefix.
  const draft = build('*');
  const lines: string[] = [];
  let bytes = 0;
  for (const e of draft) {
    const json = JSON.stringify(e.value);
    bytes += utf8Length(json);
    lines.push(`${e.key}\t${await hash(json)}`);
  }
  const version = (await hash(lines.sort().join('\n'))).slice(0, 12);
  const placeholder = versionPrefix('*');
  const entries = draft.map((e) => ({ key: versionPrefix(version) + e.key.slice(placeholder.length), value: e.value }));
  return {
    version,
    entries,
    pointer: {
      key: POINTER_KEY,
      value: { version, builtAt, articleCount: articles.length, entityCount: entityFiles.length },
    },
    summary: {
      articles: articles.length,
      entities: entityFiles.length,
      mentions: articles.reduce((n, a) => n + a.mentions.length, 0),
      keys: entries.length + 1,
      bytes,
    },
  };
}


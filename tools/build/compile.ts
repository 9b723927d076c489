import type { ArticleCard, ArticleDoc, EntityType, EventDoc, ListItem, VersionPointer } from '../../src/model/documents';
import { ENTITY_KINDS, linkedSlugs } from '../../src/model/entity-kinds';
import { compareInList, cursorKeyOf, type ListOrder } from '../../src/model/sort-key';
import { articleKey, entityKey, lists, nodeManifestKey, POINTER_KEY, relatedKey, versionPrefix } from '../../src/model/keys';
import { NODE_HASH_LENGTH, type NodeManifest } from '../../src/model/changes';
import { utf8Length } from '../../src/text/utf8-length';
import { buildList } from './build-list';
import { relatedArticles } from './related';
import { buildKnowledgeBase, kbEntities } from '../linking/knowledge-base';
import { buildSearchIndex, searchEntries } from './search-index';
import type { KvEntry } from './kv-entry';
import { kvLimitProblems, type SourceOf } from './kv-limits';
import type { Problem } from './problems';
import type { DataSet } from './read-data-set';
import { toArticleDoc, toEntityDoc } from './to-documents';
import { entityIndex } from './validate-links';

/** The entries of a data set that do not fit Workers KV (kv-limits.ts), instead of data. */
export interface TooLarge {
  problems: Problem[];
}

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
const NEWEST_FIRST: ListOrder = { order: 'desc' };
const BY_START: ListOrder = { order: 'asc' };
const BY_NAME: ListOrder = { order: 'asc', collation: 'en' };
const sortedBy = (order: ListOrder) => (a: ListItem, b: ListItem) => compareInList(order, cursorKeyOf(a), cursorKeyOf(b));

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
export async function compile(
  dataSet: DataSet,
  builtAt: string,
  hash: (text: string) => Promise<string>,
): Promise<CompiledData | TooLarge> {
  const index = entityIndex(dataSet);
  const typeOf = (slug: string): EntityType => index.get(slug)!.type;
  const entityFiles = ENTITY_KINDS.flatMap((k) => dataSet[k.links].map((f) => toEntityDoc(k.type, f, typeOf)));
  const kb = buildKnowledgeBase(kbEntities(dataSet));
  const articles = dataSet.articles.map((f) => toArticleDoc(f, kb, typeOf));
  const cards = articles.map(card).sort(sortedBy(NEWEST_FIRST));
  const events = entityFiles.filter((e): e is EventDoc => e.type === 'Event').sort(sortedBy(BY_START));
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
    .sort(sortedBy(BY_NAME));

  const search = buildSearchIndex(cards, articles, entityFiles);
  const related = relatedArticles(cards);

  const build = (version: string): KvEntry[] => [
    ...articles.map((a) => ({ key: articleKey(version, a.slug), value: a })),
    ...entityFiles.map((e) => ({ key: entityKey(version, e.slug), value: e })),
    ...[...related].map(([slug, items]) => ({ key: relatedKey(version, slug), value: items })),
    ...buildList(version, lists.articles, cards, NEWEST_FIRST),
    ...[...groupBy(cards, (a) => [a.language])].flatMap(([language, items]) =>
      buildList(version, lists.articlesInLanguage(language), items, NEWEST_FIRST),
    ),
    ...[...articlesAbout].flatMap(([slug, items]) =>
      buildList(version, lists.articlesAbout({ type: typeOf(slug), slug }), items, NEWEST_FIRST),
    ),
    ...buildList(version, lists.events, events, BY_START),
    ...[...eventsWith].flatMap(([slug, items]) =>
      buildList(version, lists.eventsWith({ type: typeOf(slug), slug }), items, BY_START),
    ),
    ...buildList(version, lists.people, people, BY_NAME),
    ...searchEntries(version, search),
  ];

  // Build once under a placeholder version, hash the content entry by entry (a single string
  // of it would pass V8's string limit at 100,000 articles), then move the keys to the real
  // version: the keys differ only in their version prefix.
  const draft = build('*');
  const lines: string[] = [];
  const nodes: NodeManifest = {};
  const nodeKeys = new Set([...articles.map((a) => articleKey('*', a.slug)), ...entityFiles.map((e) => entityKey('*', e.slug))]);
  const problems: Problem[] = [];
  const sourceOf = sourceOfKey(dataSet);
  let bytes = 0;
  for (const e of draft) {
    const json = JSON.stringify(e.value);
    const size = utf8Length(json);
    bytes += size;
    problems.push(...kvLimitProblems(e.key, size, sourceOf));
    const digest = await hash(json);
    lines.push(`${e.key}\t${digest}`);
    if (nodeKeys.has(e.key)) {
      const node = e.value as { type: string; slug: string };
      nodes[`${node.type}:${node.slug}`] = digest.slice(0, NODE_HASH_LENGTH);
    }
  }
  if (problems.length > 0) return { problems };
  const version = (await hash(lines.sort().join('\n'))).slice(0, 12);
  const placeholder = versionPrefix('*');
  const entries = draft.map((e) => ({ key: versionPrefix(version) + e.key.slice(placeholder.length), value: e.value }));
  // What each node's content hashes to, for the next publish to diff against (delta sync).
  entries.push({ key: nodeManifestKey(version), value: nodes });
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


/** The data file an entry is built from: an article's file, an entity's place in its file. */
function sourceOfKey(dataSet: DataSet): SourceOf {
  const index = entityIndex(dataSet);
  const article = articleKey('*', '');
  const entity = entityKey('*', '');
  return (key) => {
    if (key.startsWith(article)) return { file: `articles/${key.slice(article.length)}.json`, path: '/' };
    const found = key.startsWith(entity) ? index.get(key.slice(entity.length)) : undefined;
    if (found) return { file: found.file, path: `/${found.index}` };
    return { file: '(built index)', path: key };
  };
}

import type { ArticleCard, EntityType, EventDoc, VersionPointer } from '../../src/model/documents';
import { ENTITY_KINDS, linkedSlugs } from '../../src/model/entity-kinds';
import { sortInList } from '../../src/model/sort-key';
import { articleKey, articleUrlKey, authorRecordKey, curatedKey, entityKey, lists, topicListingKey, nodeManifestKey, nodeManifestShardKey, POINTER_KEY, relatedKey, searchArticleKey } from '../../src/model/keys';
import { NODE_HASH_LENGTH, type NodeManifest } from '../../src/model/changes';
import { shardManifest } from '../../src/model/node-manifest';
import { utf8Length } from '../../src/text/utf8-length';
import { buildListing } from '../../src/model/topic-listing';
import { authorRecords } from '../../src/model/author-record';
import { curatedDocs } from '../data/curated-check';
import { articleCard, BY_NAME, BY_START, LAST_MODIFIED_FIRST, NEWEST_FIRST, topicListsOf } from './article-lists';
import { urlIndex } from './article-urls';
import { buildList } from './build-list';
import { relatedArticles } from './related';
import { inMemorySearchIndex, type SearchIndexBuilder } from './search-index';
import { storedText, textEntry, type KvEntry } from './kv-entry';
import { kvLimitProblems, type SourceOf } from './kv-limits';
import type { Problem } from '../data/problems';
import type { DataSet } from '../data/read-data-set';
import { articleBuilder, toEntityDoc } from './to-documents';
import { articleEntries, memoryArticleStore, type ArticleLookup, type ArticleStore } from './article-store';
import { entityIndex } from '../data/validate-links';

/** The entries of a data set that do not fit Workers KV (kv-limits.ts), instead of data. */
export interface TooLarge {
  problems: Problem[];
}

export interface CompiledData<E extends Iterable<KvEntry> = KvEntry[]> {
  version: string;
  /** Every key of the version; the pointer is not among them. */
  entries: E;
  /** Written last, once every entry is in place. */
  pointer: KvEntry & { value: VersionPointer };
  summary: { articles: number; entities: number; mentions: number; keys: number; bytes: number };
}

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
 * The entries of a version, built as they are read: `entries` can be read many times, each
 * time building the lists and reading the search index's spill files afresh, so the whole
 * version is never in memory at once. `dispose` deletes the spill files.
 */
export type StreamedData = CompiledData<Iterable<KvEntry>> & { dispose: () => void };

/**
 * The articles a compile reads: built (toArticleDoc), numbered in file order, with each one's
 * card, and the mention count for the summary. The entities come from the data set.
 */
export interface CompileInput {
  entities: Omit<DataSet, 'articles'>;
  store: ArticleStore;
  /** articleCard of each stored article, in store order. */
  cards: ArticleCard[];
  mentions: number;
}

/**
 * compileArticles, all in memory: for data small enough (tests, the seed data), and free of
 * Node APIs, so it runs in workerd too (tests/worker/many-articles.test.ts).
 */
export async function compile(dataSet: DataSet, builtAt: string, hash: (text: string) => Promise<string>): Promise<CompiledData | TooLarge> {
  const build = articleBuilder(dataSet);
  const docs = dataSet.articles.map(build);
  const input = { entities: dataSet, store: memoryArticleStore(docs), cards: docs.map(articleCard), mentions: docs.reduce((n, a) => n + a.mentions.length, 0) };
  const streamed = await compileArticles(input, builtAt, hash, inMemorySearchIndex);
  if ('problems' in streamed) return streamed;
  try {
    return { ...streamed, entries: [...streamed.entries] };
  } finally {
    streamed.dispose();
  }
}

/**
 * Turns validated entities and built articles into the KV entries of one data version. The
 * version is a hash of the content, so building the same data twice yields the same keys.
 * For full builds the articles are on disk (article-spill.ts) and the search index is built
 * by tools/compile/search-spill.ts, in bounded memory; what stays in memory is the cards.
 */
export async function compileArticles(
  input: CompileInput,
  builtAt: string,
  hash: (text: string) => Promise<string>,
  searchIndex: SearchIndexBuilder,
  progress: (line: string) => void = () => {},
): Promise<StreamedData | TooLarge> {
  const dataSet = input.entities;
  const index = entityIndex(dataSet);
  const typeOf = (slug: string): EntityType => index.get(slug)!.type;
  const entityFiles = ENTITY_KINDS.flatMap((k) => dataSet[k.links].map((f) => toEntityDoc(k.type, f, typeOf)));
  const { store } = input;
  const cards = sortInList(NEWEST_FIRST, input.cards);
  const events = sortInList(BY_START, entityFiles.filter((e): e is EventDoc => e.type === 'Event'));
  const countryOf = new Map(dataSet.places.map((p) => [p.slug, p.country]));

  // Entity-keyed lists: articles linking an entity; events it took part in or that were held
  // in it (or in a place within it).
  const articlesAbout = groupBy(cards, linkedSlugs);
  const eventsWith = groupBy(events, (e) => [
    ...e.participants.map((p) => p.slug),
    ...(e.location ? [e.location, countryOf.get(e.location) ?? e.location] : []),
  ]);
  const people = sortInList(BY_NAME, entityFiles.filter((e) => e.type === 'Person'));
  const byLanguage = groupBy(cards, (a) => [a.language]);
  // Sections, subjects and authors: a list each, and the listings of the first two.
  const byTopic = groupBy(cards, topicListsOf);
  const authors = authorRecords(cards);
  const curated = curatedDocs(dataSet.curated, new Set(input.cards.map((c) => c.slug)));
  if ('problems' in curated) return curated;
  const curatedFiles = curated.docs;

  const numberOf = new Map(input.cards.map((c, i) => [c.slug, i]));
  const at = (slug: string) => numberOf.get(slug);
  const lookup: ArticleLookup = {
    get: (slug) => (at(slug) === undefined ? undefined : store.at(at(slug)!)),
    ...(store.textAt && { text: (slug: string) => (at(slug) === undefined ? undefined : store.textAt!(at(slug)!)) }),
  };
  progress('search index: terms and postings');
  const search = searchIndex(cards, lookup, entityFiles);
  progress('related articles');
  const related = relatedArticles(cards);
  const urls = urlIndex(cards);
  progress('content hash: every entry built once under a placeholder version');

  function* build(version: string): Generator<KvEntry> {
    yield* articleEntries(store, (slug) => articleKey(version, slug), (i) => input.cards[i]!.slug);
    for (const e of entityFiles) yield { key: entityKey(version, e.slug), value: e };
    for (const [slug, items] of related) yield { key: relatedKey(version, slug), value: items };
    for (const [url, slug] of urls) {
      const key = articleUrlKey(version, url);
      yield lookup.text ? textEntry(key, lookup.text(slug)!) : { key, value: lookup.get(slug)! };
    }
    yield* buildList(version, lists.articles, cards, NEWEST_FIRST);
    yield* buildList(version, lists.articlesByModified, cards, LAST_MODIFIED_FIRST);
    for (const [language, items] of byLanguage) yield* buildList(version, lists.articlesInLanguage(language), items, NEWEST_FIRST);
    for (const [slug, items] of articlesAbout) yield* buildList(version, lists.articlesAbout({ type: typeOf(slug), slug }), items, NEWEST_FIRST);
    for (const [list, items] of byTopic) yield* buildList(version, list, items, NEWEST_FIRST);
    for (const kind of ['sections', 'subjects'] as const) yield { key: topicListingKey(version, kind), value: buildListing(cards, kind) };
    for (const [slug, record] of authors) yield { key: authorRecordKey(version, slug), value: record };
    for (const doc of curatedFiles) yield { key: curatedKey(version, doc.name), value: doc };
    yield* buildList(version, lists.events, events, BY_START);
    for (const [slug, items] of eventsWith) yield* buildList(version, lists.eventsWith({ type: typeOf(slug), slug }), items, BY_START);
    yield* buildList(version, lists.people, people, BY_NAME);
    yield* search.entries(version);
  }

  // Build once under a placeholder version and hash the content entry by entry (a single
  // string of it would pass V8's string limit at 100,000 articles); the entries under the real
  // version are built again as they are read, and differ only in their version prefix.
  const lines: string[] = [];
  const nodes: NodeManifest = {};
  const nodeKeys = new Set([...input.cards.map((a) => articleKey('*', a.slug)), ...entityFiles.map((e) => entityKey('*', e.slug))]);
  const problems: Problem[] = [];
  const sourceOf = sourceOfKey(dataSet);
  const searchCopy = searchArticleKey('*', 0).slice(0, -1);
  const urlCopy = articleUrlKey('*', '');
  let bytes = 0;
  try {
    for (const e of build('*')) {
      if (lines.length % 500_000 === 499_999) progress(`${lines.length + 1} entries hashed`);
      const json = storedText(e);
      const size = utf8Length(json);
      bytes += size;
      // A search page's copy of an article (s:a:<doc>) and a URL's (u:<url>, whose length the data
      // format bounds) are checked as the article's own key.
      if (!e.key.startsWith(searchCopy) && !e.key.startsWith(urlCopy)) problems.push(...kvLimitProblems(e.key, size, sourceOf));
      const digest = await hash(json);
      lines.push(`${e.key}\t${digest}`);
      if (nodeKeys.has(e.key)) {
        const node = e.value as { type: string; slug: string };
        nodes[`${node.type}:${node.slug}`] = digest.slice(0, NODE_HASH_LENGTH);
      }
    }
  } catch (error) {
    search.dispose();
    throw error;
  }
  if (problems.length > 0) {
    search.dispose();
    return { problems };
  }
  const version = (await hash(lines.sort().join('\n'))).slice(0, 12);
  // What each node's content hashes to, for the next publish to diff against (delta sync), in
  // shards that each stay far under KV's value limit (src/model/node-manifest.ts).
  const sharded = shardManifest(nodes);
  const manifest: KvEntry[] = [
    { key: nodeManifestKey(version), value: sharded.head },
    ...sharded.shards.map((value, i) => ({ key: nodeManifestShardKey(version, i), value })),
  ];
  for (const e of manifest) problems.push(...kvLimitProblems(e.key, utf8Length(JSON.stringify(e.value)), sourceOf));
  if (problems.length > 0) {
    search.dispose();
    return { problems };
  }
  // The entries, the manifest's head and shards, and the pointer.
  const keys = lines.length + manifest.length + 1;
  lines.length = 0;
  return {
    version,
    entries: {
      *[Symbol.iterator]() {
        yield* build(version);
        yield* manifest;
      },
    },
    dispose: search.dispose,
    pointer: {
      key: POINTER_KEY,
      value: { version, builtAt, articleCount: store.count, entityCount: entityFiles.length, search: search.pointer },
    },
    summary: {
      articles: store.count,
      entities: entityFiles.length,
      mentions: input.mentions,
      keys,
      bytes,
    },
  };
}

/** The data file an entry is built from: an article's file, an entity's place in its file. */
function sourceOfKey(dataSet: CompileInput['entities']): SourceOf {
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

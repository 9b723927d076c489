import type { ArticleCard, EntityDoc } from '../../src/model/documents';
import { ENTITY_KINDS, linkedSlugs } from '../../src/model/entity-kinds';
import { searchShardCount } from '../../src/model/keys';
import { topicKeysOf } from '../../src/model/topic-keys';
import { filterTerm, IMPACT_SCALE, shardOf, type PostingList, type PostingShard, type SearchPointer } from '../../src/search/index-format';
import { BM25_B, BM25_K1, FIELD_WEIGHTS, type Field } from '../../src/search/ranking-params';
import { fieldTerms, mergeFieldTerms, type FieldTerms } from '../../src/search/field-terms';
import type { ArticleLookup } from './article-store';
import type { KvEntry } from './kv-entry';
import { storedList } from './pack-postings';
import { searchEntries, searchTables, type SearchTables } from './search-tables';

/**
 * The search index of one data version, built once and written under the version's keys.
 *
 * Documents are numbered oldest first (index-format.ts). Each article has three fields: its headline, its body, and the names and aliases of every
 * entity it links to (so "putin" finds an article about Vladimir Putin that only says पुतिन).
 * A term's weight in an article is its BM25F impact (Robertson, Zaragoza & Taylor, "Simple
 * BM25 extension to multiple weighted fields", CIKM 2004): field frequencies, each divided by
 * its field's length norm and times the field's weight, summed, then saturated with k1.
 * The impact depends only on the article and the field averages, so it is computed here and
 * stored in the posting; a query multiplies it by the term's idf, which it derives from the
 * posting's length. Postings are grouped into shards by term hash (keys.ts searchShardCount).
 */

export interface SearchIndex extends SearchTables {
  shards: Map<number, PostingShard>;
}

/** What a full build may take from the base it replaces (a test's reference build does). */
export interface SearchLayoutOptions {
  /** BM25 mean field lengths to use instead of this data's. */
  avg?: number[];
}

/** An article's terms: term ids, and per id three frequencies: headline, body, entity names. */
export interface DocTerms {
  ids: Int32Array;
  tf: Uint16Array;
  lengths: [number, number, number];
}

const FIELDS: Field[] = ['headline', 'body', 'entity'];

/** Term ids in order of first use: the order postings lists are first appended to. */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }
}

/** Every name and alias of an entity, each term counted once for the entity. */
function entityTermsCache(entities: EntityDoc[]) {
  const bySlug = new Map(entities.map((e) => [e.slug, e]));
  const cache = new Map<string, FieldTerms>();
  return (slug: string): FieldTerms => {
    let terms = cache.get(slug);
    if (!terms) {
      const e = bySlug.get(slug)!;
      terms = fieldTerms([...e.names, ...e.aliases].map((n) => n.value), true, true);
      cache.set(slug, terms);
    }
    return terms;
  };
}

/**
 * Each article's terms in card order (document number order), as typed arrays: at 100,000
 * articles a Map per article would cost gigabytes. Term ids are given in order of first use.
 */
export function* documentTerms(cards: ArticleCard[], articles: ArticleLookup, entities: EntityDoc[], dict: TermDictionary): Generator<DocTerms> {
  const entityTerms = entityTermsCache(entities);
  for (const card of cards) {
    const doc = articles.get(card.slug)!;
    const fields = [
      fieldTerms([doc.headline], true),
      fieldTerms(doc.paragraphs, false),
      // Each linked entity counts once per distinct term, however many aliases repeat it.
      linkedSlugs(card).map(entityTerms).reduce(mergeFieldTerms, fieldTerms([], true)),
    ];
    const rows = new Map<number, number>();
    const ids: number[] = [];
    const tf: number[] = [];
    fields.forEach((field, f) => {
      for (const [term, count] of field.counts) {
        const id = dict.idOf(term);
        let row = rows.get(id);
        if (row === undefined) {
          row = ids.length;
          rows.set(id, row);
          ids.push(id);
          tf.push(0, 0, 0);
        }
        tf[row * 3 + f] = tf[row * 3 + f]! + count;
      }
    });
    yield { ids: Int32Array.from(ids), tf: Uint16Array.from(tf), lengths: [fields[0]!.length, fields[1]!.length, fields[2]!.length] };
  }
}

/** Mean field lengths over the corpus, for BM25's length norm (at least 1). */
export function averageLengths(totals: number[], documents: number): number[] {
  const n = Math.max(1, documents);
  return totals.map((t) => Math.max(1, t / n));
}

/**
 * The postings of one article, in the order the index appends them: each term with its BM25F
 * impact, then the filter terms (impact 0) of its language and every linked entity.
 */
export function documentPostings(
  doc: DocTerms,
  card: ArticleCard,
  avg: number[],
  dict: TermDictionary,
  emit: (termId: number, impact: number) => void,
): void {
  const norms = [0, 1, 2].map((f) => 1 - BM25_B + (BM25_B * doc.lengths[f]!) / avg[f]!);
  doc.ids.forEach((id, row) => {
    let pseudo = 0;
    for (let f = 0; f < 3; f++) pseudo += (FIELD_WEIGHTS[FIELDS[f]!] * doc.tf[row * 3 + f]!) / norms[f]!;
    const impact = (pseudo * (BM25_K1 + 1)) / (BM25_K1 + pseudo);
    emit(id, Math.max(1, Math.round(impact * IMPACT_SCALE)));
  });
  // Filter terms select without scoring: language, every linked entity, section and subjects.
  emit(dict.idOf(filterTerm('lang', card.language)), 0);
  for (const kind of ENTITY_KINDS) for (const slug of card[kind.links]) emit(dict.idOf(filterTerm(kind.type, slug)), 0);
  const topics = topicKeysOf(card);
  for (const key of topics.section) emit(dict.idOf(filterTerm('section', key)), 0);
  for (const key of topics.subject) emit(dict.idOf(filterTerm('subject', key)), 0);
}

/**
 * The whole index in memory: the reference the streamed builder (search-spill.ts) is tested
 * against, byte for byte. Postings are built in document order, so each list is written
 * gap-encoded as it grows.
 */
export function buildSearchIndex(
  newestFirst: ArticleCard[],
  articles: ArticleLookup,
  entities: EntityDoc[],
  layout: SearchLayoutOptions = {},
): SearchIndex {
  const cards = [...newestFirst].reverse();
  const dict = new TermDictionary();
  const docs = [...documentTerms(cards, articles, entities, dict)];
  const avg = layout.avg ?? averageLengths([0, 1, 2].map((f) => docs.reduce((s, d) => s + d.lengths[f]!, 0)), docs.length);
  const lists = new Map<number, { last: number; list: PostingList }>();
  docs.forEach((doc, docId) =>
    documentPostings(doc, cards[docId]!, avg, dict, (termId, impact) => {
      let entry = lists.get(termId);
      if (!entry) lists.set(termId, (entry = { last: 0, list: [] }));
      entry.list.push(docId - entry.last, impact);
      entry.last = docId;
    }),
  );
  const shards = new Map<number, PostingShard>();
  const shardCount = searchShardCount(cards.length);
  for (const [termId, { list }] of lists) {
    const term = dict.terms[termId]!;
    const shard = shardOf(term, shardCount);
    const value = shards.get(shard) ?? {};
    value[term] = storedList(list);
    shards.set(shard, value);
  }
  return { shards, ...searchTables(cards, articles, entities, avg) };
}

/** A built index, whichever builder built it. */
export interface BuiltSearchIndex {
  /** The index's entries under `version`, in searchEntries' order; can be read many times. */
  entries(version: string): Iterable<KvEntry>;
  /** Frees what the builder holds (spill files). */
  dispose(): void;
  /** The layout for the version pointer (readers compute every search key from it). */
  pointer: SearchPointer;
}
/** Builds from the cards newest first (the `articles` list); documents are numbered oldest first. */
export type SearchIndexBuilder = (cards: ArticleCard[], articles: ArticleLookup, entities: EntityDoc[]) => BuiltSearchIndex;

/** buildSearchIndex as a SearchIndexBuilder: the reference, and fine for small data. */
export const inMemorySearchIndex: SearchIndexBuilder = (cards, articles, entities) => {
  const index = buildSearchIndex(cards, articles, entities);
  return { entries: (version) => searchEntries(version, index), dispose: () => undefined, pointer: index.pointer };
};

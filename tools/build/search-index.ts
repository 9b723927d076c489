import type { ArticleCard, ArticleDoc, EntityDoc } from '../../src/model/documents';
import { ENTITY_KINDS, linkedSlugs } from '../../src/model/entity-kinds';
import { SEARCH_DOCS_CHUNK, searchDatesKey, searchShardCount, searchDocsKey, searchShardKey, suggestKey } from '../../src/model/keys';
import {
  filterTerm,
  IMPACT_SCALE,
  shardOf,
  type PostingList,
  type PostingShard,
  type SearchDates,
  type SuggestBucket,
} from '../../src/search/index-format';
import { BM25_B, BM25_K1, FIELD_WEIGHTS, type Field } from '../../src/search/ranking-params';
import { fieldTerms, mergeFieldTerms, type FieldTerms } from '../../src/search/field-terms';
import type { KvEntry } from './kv-entry';
import { buildSuggestBuckets } from './suggest-index';

/**
 * The search index of one data version, built once and written under the version's keys.
 *
 * Each article has three fields: its headline, its body, and the names and aliases of every
 * entity it links to (so "putin" finds an article about Vladimir Putin that only says पुतिन).
 * A term's weight in an article is its BM25F impact (Robertson, Zaragoza & Taylor, "Simple
 * BM25 extension to multiple weighted fields", CIKM 2004): field frequencies, each divided by
 * its field's length norm and times the field's weight, summed, then saturated with k1.
 * The impact depends only on the article and the field averages, so it is computed here and
 * stored in the posting; a query multiplies it by the term's idf, which it derives from the
 * posting's length. Postings are grouped into shards by term hash (keys.ts searchShardCount).
 */

export interface SearchIndex {
  shards: Map<number, PostingShard>;
  docChunks: string[][];
  dates: SearchDates;
  suggest: Map<string, SuggestBucket>;
}

interface DocTerms {
  /** Term ids, and per id three frequencies: headline, body, entity names. */
  ids: Int32Array;
  tf: Uint16Array;
  lengths: [number, number, number];
}

const FIELDS: Field[] = ['headline', 'body', 'entity'];

/** Every name and alias of an entity, each term counted once for the entity. */
function entityTermsCache(entities: EntityDoc[]) {
  const cache = new Map<string, FieldTerms>();
  return (slug: string): FieldTerms => {
    let terms = cache.get(slug);
    if (!terms) {
      const e = entities.find((x) => x.slug === slug)!;
      terms = fieldTerms([...e.names, ...e.aliases].map((n) => n.value), true, true);
      cache.set(slug, terms);
    }
    return terms;
  };
}

export function buildSearchIndex(cards: ArticleCard[], articles: ArticleDoc[], entities: EntityDoc[]): SearchIndex {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const entityTerms = entityTermsCache(entities);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      termIds.set(term, id);
    }
    return id;
  };

  // Per article, its term ids and per-field frequencies in typed arrays: at 100,000 articles a
  // Map per article would cost gigabytes.
  const docs: DocTerms[] = cards.map((card) => {
    const doc = bySlug.get(card.slug)!;
    const links = linkedSlugs(card);
    const fields = [
      fieldTerms([doc.headline], true),
      fieldTerms(doc.paragraphs, false),
      // Each linked entity counts once per distinct term, however many aliases repeat it.
      links.map(entityTerms).reduce(mergeFieldTerms, fieldTerms([], true)),
    ];
    const rows = new Map<number, number>();
    const ids: number[] = [];
    const tf: number[] = [];
    fields.forEach((field, f) => {
      for (const [term, count] of field.counts) {
        const id = idOf(term);
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
    return { ids: Int32Array.from(ids), tf: Uint16Array.from(tf), lengths: [fields[0]!.length, fields[1]!.length, fields[2]!.length] };
  });

  // Postings are built in document order, so each list is written gap-encoded as it grows.
  const n = Math.max(1, docs.length);
  const avg = [0, 1, 2].map((f) => Math.max(1, docs.reduce((s, d) => s + d.lengths[f]!, 0) / n));
  const lists = new Map<string, { last: number; list: PostingList }>();
  const append = (term: string, docId: number, impact: number) => {
    let entry = lists.get(term);
    if (!entry) lists.set(term, (entry = { last: 0, list: [] }));
    entry.list.push(docId - entry.last, impact);
    entry.last = docId;
  };
  docs.forEach((doc, docId) => {
    const norms = [0, 1, 2].map((f) => 1 - BM25_B + (BM25_B * doc.lengths[f]!) / avg[f]!);
    doc.ids.forEach((id, row) => {
      let pseudo = 0;
      for (let f = 0; f < 3; f++) pseudo += (FIELD_WEIGHTS[FIELDS[f]!] * doc.tf[row * 3 + f]!) / norms[f]!;
      const impact = (pseudo * (BM25_K1 + 1)) / (BM25_K1 + pseudo);
      append(terms[id]!, docId, Math.max(1, Math.round(impact * IMPACT_SCALE)));
    });
    // Filter terms select without scoring: language and every linked entity.
    const card = cards[docId]!;
    append(filterTerm('lang', card.language), docId, 0);
    for (const kind of ENTITY_KINDS) for (const slug of card[kind.links]) append(filterTerm(kind.type, slug), docId, 0);
  });

  const shards = new Map<number, PostingShard>();
  const shardCount = searchShardCount(cards.length);
  for (const [term, { list }] of lists) {
    const shard = shardOf(term, shardCount);
    const value = shards.get(shard) ?? {};
    value[term] = list;
    shards.set(shard, value);
  }

  const dates: SearchDates = [];
  cards.forEach((card, docId) => {
    if (dates.at(-1)?.[0] !== card.datePublished) dates.push([card.datePublished, docId]);
  });
  const docChunks: string[][] = [];
  for (let i = 0; i < cards.length; i += SEARCH_DOCS_CHUNK) {
    docChunks.push(cards.slice(i, i + SEARCH_DOCS_CHUNK).map((c) => c.slug));
  }
  return { shards, docChunks, dates, suggest: buildSuggestBuckets(entities, cards) };
}

/** The index's KV entries under one version (sorted, so the content hash is stable). */
export function searchEntries(version: string, index: SearchIndex): KvEntry[] {
  return [
    ...[...index.shards].sort((a, b) => a[0] - b[0]).map(([shard, value]) => ({ key: searchShardKey(version, shard), value })),
    ...index.docChunks.map((slugs, chunk) => ({ key: searchDocsKey(version, chunk), value: slugs })),
    { key: searchDatesKey(version), value: index.dates },
    ...[...index.suggest].map(([bucket, value]) => ({ key: suggestKey(version, bucket), value })),
  ];
}

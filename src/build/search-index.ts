import type { ArticleCard, ArticleDoc, EntityDoc } from '../model/documents';
import { SEARCH_DOCS_CHUNK, searchDatesKey, searchShardCount, searchDocsKey, searchShardKey, suggestKey } from '../model/keys';
import {
  encodePostings,
  filterTerm,
  IMPACT_SCALE,
  shardOf,
  type PostingShard,
  type SearchDates,
  type SuggestBucket,
} from '../search/index-format';
import { BM25_B, BM25_K1, FIELD_WEIGHTS, type Field } from '../search/ranking-params';
import { fieldTerms, mergeFieldTerms, type FieldTerms } from '../search/field-terms';
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
  /** term id -> per-field frequency [headline, body, entity] */
  tf: Map<number, [number, number, number]>;
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

  const docs: DocTerms[] = cards.map((card) => {
    const doc = bySlug.get(card.slug)!;
    const links = [...card.people, ...card.events, ...card.places, ...card.organizations];
    const fields = [
      fieldTerms([doc.headline], true),
      fieldTerms(doc.paragraphs, false),
      // Each linked entity counts once per distinct term, however many aliases repeat it.
      links.map(entityTerms).reduce(mergeFieldTerms, fieldTerms([], true)),
    ];
    const tf = new Map<number, [number, number, number]>();
    fields.forEach((field, f) => {
      for (const [term, count] of field.counts) {
        const id = idOf(term);
        const row = tf.get(id) ?? [0, 0, 0];
        row[f as 0 | 1 | 2] += count;
        tf.set(id, row);
      }
    });
    return { tf, lengths: [fields[0]!.length, fields[1]!.length, fields[2]!.length] };
  });

  const n = Math.max(1, docs.length);
  const avg = [0, 1, 2].map((f) => Math.max(1, docs.reduce((s, d) => s + d.lengths[f]!, 0) / n));
  const postings: Array<Array<[number, number]>> = terms.map(() => []);
  docs.forEach((doc, docId) => {
    const norms = [0, 1, 2].map((f) => 1 - BM25_B + (BM25_B * doc.lengths[f]!) / avg[f]!);
    for (const [id, row] of doc.tf) {
      const pseudo = row.reduce((s, tf, f) => s + (FIELD_WEIGHTS[FIELDS[f]!] * tf) / norms[f]!, 0);
      const impact = (pseudo * (BM25_K1 + 1)) / (BM25_K1 + pseudo);
      postings[id]!.push([docId, Math.max(1, Math.round(impact * IMPACT_SCALE))]);
    }
  });

  // Filter terms select without scoring: language and every linked entity.
  const filters = new Map<string, Array<[number, number]>>();
  const addFilter = (term: string, docId: number) => {
    const list = filters.get(term) ?? [];
    list.push([docId, 0]);
    filters.set(term, list);
  };
  cards.forEach((card, docId) => {
    addFilter(filterTerm('lang', card.language), docId);
    for (const [type, slugs] of [['Person', card.people], ['Event', card.events], ['Place', card.places], ['Organization', card.organizations]] as const) {
      for (const slug of slugs) addFilter(filterTerm(type, slug), docId);
    }
  });

  const shards = new Map<number, PostingShard>();
  const shardCount = searchShardCount(cards.length);
  const put = (term: string, list: Array<[number, number]>) => {
    const shard = shardOf(term, shardCount);
    const value = shards.get(shard) ?? {};
    value[term] = encodePostings(list);
    shards.set(shard, value);
  };
  terms.forEach((term, id) => put(term, postings[id]!));
  for (const [term, list] of filters) put(term, list);

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

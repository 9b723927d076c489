import type { ArticleCard, ArticleDoc, EntityDoc, SearchPointer } from '../../src/model/documents';
import {
  searchArticleKey,
  searchDatesKey,
  searchMetaKey,
  searchShardCount,
  searchShardKey,
  searchSlugsKey,
  SEARCH_SLUGS_PER_BUCKET,
  suggestKey,
} from '../../src/model/keys';
import { dateOfKey, publishedKey } from '../../src/model/sort-key';
import { termHash, type PostingShard, type SearchDates, type SearchMeta, type SuggestBucket } from '../../src/search/index-format';
import type { ArticleLookup } from './article-store';
import { textEntry, type KvEntry } from './kv-entry';
import { buildSuggestBuckets } from './suggest-index';

/**
 * The tables beside the postings, built from the cards in document order (oldest first):
 * the articles by document number (a search page reads its articles straight from the
 * ranking, keys.ts), the day runs, type-ahead, and what an incremental publish reads to go on
 * (tools/delta/search-delta.ts): document numbers by slug and the meta.
 */
export interface SearchTables {
  /** The articles in document order (values of `s:a:<doc>`), read when written, not held. */
  docs: { count: number; at: (doc: number) => ArticleDoc; text?: (doc: number) => string };
  dates: SearchDates;
  suggest: Map<string, SuggestBucket>;
  slugs: Map<number, Record<string, number>>;
  meta: SearchMeta;
  pointer: SearchPointer;
}

/** The bucket of the slug -> document table a slug falls in. */
export const slugBucket = (slug: string, buckets: number): number => termHash(slug) % buckets;

/** Buckets of the slug table for a full build of `documents` articles: a power of two. */
export function slugBucketCount(documents: number): number {
  let buckets = 1;
  while (buckets * SEARCH_SLUGS_PER_BUCKET < documents) buckets *= 2;
  return buckets;
}

export function searchTables(cards: ArticleCard[], articles: ArticleLookup, entities: EntityDoc[], avg: number[]): SearchTables {
  const dates: SearchDates = [];
  const buckets = slugBucketCount(cards.length);
  const slugs = new Map<number, Record<string, number>>();
  cards.forEach((card, doc) => {
    const date = dateOfKey(publishedKey(card));
    if (dates.at(-1)?.[0] !== date) dates.push([date, doc]);
    const bucket = slugBucket(card.slug, buckets);
    const table = slugs.get(bucket) ?? {};
    table[card.slug] = doc;
    slugs.set(bucket, table);
  });
  const n = cards.length;
  const suggest = buildSuggestBuckets(entities, cards);
  return {
    docs: {
      count: n,
      at: (doc) => articles.get(cards[doc]!.slug)!,
      ...(articles.text && { text: (doc: number) => articles.text!(cards[doc]!.slug)! }),
    },
    dates,
    suggest: suggest.buckets,
    slugs,
    meta: { avg, slugBuckets: buckets },
    pointer: { shards: searchShardCount(n), base: n, parts: 0, docs: n, moved: 0, suggest: suggest.depth },
  };
}

/** The index's KV entries under one version (sorted, so the content hash is stable). */
export function searchEntries(version: string, index: SearchTables & { shards: Map<number, PostingShard> }): KvEntry[] {
  return [
    ...[...index.shards].sort((a, b) => a[0] - b[0]).map(([shard, value]) => ({ key: searchShardKey(version, shard), value })),
    ...tableEntries(version, index),
  ];
}

/** The entries of the tables beside the postings, in the order they are written. */
export function* tableEntries(version: string, tables: SearchTables): Generator<KvEntry> {
  const { docs } = tables;
  for (let doc = 0; doc < docs.count; doc++) {
    yield docs.text ? textEntry(searchArticleKey(version, doc), docs.text(doc)) : { key: searchArticleKey(version, doc), value: docs.at(doc) };
  }
  yield { key: searchDatesKey(version), value: tables.dates };
  for (const [bucket, value] of tables.suggest) yield { key: suggestKey(version, bucket), value };
  for (const bucket of [...tables.slugs.keys()].sort((a, b) => a - b)) yield { key: searchSlugsKey(version, bucket), value: tables.slugs.get(bucket) };
  yield { key: searchMetaKey(version), value: tables.meta };
}

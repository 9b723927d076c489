import type { ArticleDoc } from '../../src/model/documents';
import { textEntry, type KvEntry } from './kv-entry';

/**
 * The built articles of one version, by number in the order they were built (file order).
 * The compile step reads each one several times (its own key, the search index's terms and
 * its `s:a:<doc>` copy, once for the content hash and once for the output), so the store
 * either holds them (small data, workerd) or keeps them on disk (article-spill.ts, full
 * builds), where a million articles cost the heap nothing.
 */
export interface ArticleStore {
  readonly count: number;
  /** Article `i`, as built (a fresh object when read from disk). */
  at(i: number): ArticleDoc;
  /** Article `i` as JSON text (JSON.stringify of `at(i)`), when the store holds it as text. */
  textAt?(i: number): string;
  /** Frees what the store holds (its spill file). */
  dispose(): void;
}

/** An article by slug: a Map of them, or a store on disk (article-spill.ts) read on demand. */
export type ArticleLookup = Pick<Map<string, ArticleDoc>, 'get'> & {
  /** The article as JSON text (JSON.stringify of get), when the store holds text (kv-entry.ts). */
  text?: (slug: string) => string | undefined;
};

/** The articles held in memory, as they are: the reference, and free of Node APIs. */
export function memoryArticleStore(docs: ArticleDoc[]): ArticleStore {
  return { count: docs.length, at: (i) => docs[i]!, dispose: () => undefined };
}

/** The KV entries of every article of a store, in order, as text when the store holds text. */
export function* articleEntries(store: ArticleStore, keyOf: (slug: string) => string, slugs: (i: number) => string): Generator<KvEntry> {
  for (let i = 0; i < store.count; i++) {
    if (store.textAt) yield textEntry(keyOf(slugs(i)), store.textAt(i));
    else {
      const doc = store.at(i);
      yield { key: keyOf(doc.slug), value: doc };
    }
  }
}

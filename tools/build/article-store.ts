import type { ArticleDoc } from '../../src/model/documents';

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
  /** Frees what the store holds (its spill file). */
  dispose(): void;
}

/** The articles held in memory, as they are: the reference, and free of Node APIs. */
export function memoryArticleStore(docs: ArticleDoc[]): ArticleStore {
  return { count: docs.length, at: (i) => docs[i]!, dispose: () => undefined };
}

/** Every article of a store, in order. */
export function* storedArticles(store: ArticleStore): Generator<ArticleDoc> {
  for (let i = 0; i < store.count; i++) yield store.at(i);
}

/**
 * The yardstick for search quality: a plain BM25 over the same documents, as a bare search
 * engine would do it (Unicode words by Intl.Segmenter, NFC and lower case, no stopwords, no
 * stemming, no names across scripts, one field), ranking every document that holds any word of
 * the query (OR). BM25 as Lucene's BM25Similarity: k1 = 1.2, b = 0.75,
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5)); a word repeated in the query counts once.
 */
const K1 = 1.2;
const B = 0.75;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

export const plainWords = (text: string): string[] =>
  [...segmenter.segment(text.normalize('NFC'))].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase());

export class PlainBm25 {
  private readonly postings = new Map<string, Array<[doc: number, tf: number]>>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];

  add(id: string, text: string): void {
    const doc = this.ids.push(id) - 1;
    const words = plainWords(text);
    this.lengths.push(words.length);
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, n] of tf) (this.postings.get(w) ?? this.postings.set(w, []).get(w)!).push([doc, n]);
  }

  /** The ids of the best `k` documents, best first (ties: the earlier added). */
  search(query: string, k: number): string[] {
    const n = this.ids.length;
    const avg = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
    const scores = new Map<number, number>();
    for (const w of new Set(plainWords(query))) {
      const list = this.postings.get(w) ?? [];
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [doc, tf] of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map(([doc]) => this.ids[doc]!);
  }
}

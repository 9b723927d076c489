import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query';
import { rankPage } from './rank';
import { RankBuffers } from './rank-buffers';

/**
 * Ranking's work arrays follow what a query keeps, not the corpus: a fresh isolate's first
 * search allocated arrays over every document number (3.3 MB at 100,001 articles), a cost
 * paid by a rare word as much as by a common one.
 */
const encode = (docs: number[], impact = 100): Int32Array => Int32Array.from(docs.flatMap((doc, i) => [doc - (i ? docs[i - 1]! : 0), impact + (doc % 7)]));

describe('RankBuffers', () => {
  it('hold the same bytes for a rare word at 1,000 and at 100,000 documents', () => {
    const held = [1_000, 100_000].map((documents) => {
      const buffers = new RankBuffers();
      const before = buffers.bytes;
      const lists: Record<string, Int32Array> = { rare: encode([documents - 3]), filter: encode([documents - 3, documents - 2]) };
      for (const q of ['rare', '"rare rare"', 'rare -other', '+rare']) {
        const page = rankPage(parseQuery(q), (t) => lists[t], documents, { limit: 10, filters: [lists.filter] }, (n) => ({ start: 0, end: Math.min(n, 10) }), buffers);
        if (q !== '"rare rare"') expect(page.hits.map((h) => h.doc)).toEqual([documents - 3]);
      }
      expect(buffers.bytes).toBe(before);
      return buffers.bytes;
    });
    expect(held[1]).toBe(held[0]);
  });

  it('keep a page of a word in most documents within the page and one window, at any size', () => {
    const docs = Array.from({ length: 90_000 }, (_, i) => i + (i >> 3));
    const lists = { common: encode(docs) };
    const buffers = new RankBuffers();
    const before = buffers.bytes;
    const page = rankPage(parseQuery('common'), (t) => lists[t as 'common'], 101_250, { limit: 10 }, (n) => ({ start: 0, end: Math.min(n, 10) }), buffers);
    expect(page.count).toBe(docs.length);
    expect(page.hits).toHaveLength(10);
    expect(buffers.bytes).toBe(before);
  });
});

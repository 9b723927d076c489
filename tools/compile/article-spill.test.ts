import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleDoc } from '../../src/model/documents';
import { ArticleSpill } from './article-spill';

/**
 * The article spill gives back what was added, stringified to the same bytes: text in both
 * scripts and astral characters (byte offsets, not string lengths), integer-like keys, fields
 * left undefined, articles larger than its read buffer, reads between writes.
 */
const dir = mkdtempSync(join(tmpdir(), 'article-spill-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (i: number, paragraph: string) =>
  ({
    type: 'Article',
    slug: `a-${i}`,
    headline: `पुतिन 😀 ${i}`,
    dateline: undefined,
    wordCount: i,
    paragraphs: [paragraph],
    mentions: [[0, 0, 5, 'vladimir-putin']],
    translations: { 2: 'two', en: 'x', 1: 'one' },
  }) as unknown as ArticleDoc;

describe('article spill', () => {
  it('reads back every article as stringified before, in any order, across flushes', () => {
    const spill = new ArticleSpill(join(dir, 'articles'));
    const added: string[] = [];
    for (let i = 0; i < 3000; i++) {
      // Every 500th article is 300 KB, past the 64 KB read buffer and the 1 MB write batch.
      const doc = article(i, i % 500 === 0 ? 'क़'.repeat(100_000) : `किम जोंग उन ${'e\u0301'.repeat(i % 7)} ${i}`);
      expect(spill.add(doc)).toBe(i);
      added.push(JSON.stringify(doc));
      // A read between writes sees what was added so far.
      if (i === 1234) expect(JSON.stringify(spill.at(1234))).toBe(added[1234]);
    }
    expect(spill.count).toBe(3000);
    for (const i of [2999, 0, 500, 1, 1500, 2500, 7]) expect(JSON.stringify(spill.at(i))).toBe(added[i]);
    for (let i = 0; i < 3000; i++) expect(JSON.stringify(spill.at(i))).toBe(added[i]);
    expect(statSync(spill.path).size).toBe(added.reduce((n, s) => n + Buffer.byteLength(s), 0));
    expect(() => spill.at(3000)).toThrow(RangeError);
    spill.dispose();
    expect(existsSync(spill.path)).toBe(false);
  });
});

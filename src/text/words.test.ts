import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../tools/fixtures/corpus';
import { isPlain, segmentedWords, words } from './words';

// Characters the fast path accepts, plus the ones that make it fall back to the segmenter.
const PIECES = [
  ...'aZ09 \n\t.,\'’:;!?()-—"“/%_‌‍',
  'पुतिन', 'किम', 'ने', 'क़', 'क़', 'ा', 'ं', '्', '।', '॥', '१२', 'ॐ', '॰', 'ऽ', 'ॲ', 'x1', '3.5', 'U.S.',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('words', () => {
  it('finds the same words as Intl.Segmenter on any mix of the fast path alphabet', () => {
    let plain = 0;
    fc.assert(
      fc.property(text, fc.constantFrom('hi', 'en'), (t, locale) => {
        if (isPlain(t)) plain += 1;
        expect(words(t, locale)).toEqual(segmentedWords(t, locale));
      }),
      { numRuns: 3000 },
    );
    // The comparison must reach the fast path, not only the fallback.
    expect(plain).toBeGreaterThan(300);
  });

  it('finds the same words as Intl.Segmenter in generated articles', () => {
    for (let i = 1; i <= 200; i++) {
      const article = JSON.parse(generateArticle(i).text) as { paragraphs: string[]; headline: string };
      for (const t of [article.headline, ...article.paragraphs]) {
        expect(isPlain(t)).toBe(true);
        expect(words(t)).toEqual(segmentedWords(t));
      }
    }
  });

  it('keeps a Devanagari word whole and drops the danda', () => {
    expect(words('पुतिन ने कहा।').map((w) => w.text)).toEqual(['पुतिन', 'ने', 'कहा']);
    expect(words('U.S. 1,000').map((w) => w.text)).toEqual(['U.S', '1,000']);
  });
});

describe('words on very long text', () => {
  // A single run of 10 million Devanagari letters once overflowed V8's regexp stack.
  it('segments a 10-million-character word without running out of stack', () => {
    for (const t of ['कि'.repeat(5_000_000), 'ab1क'.repeat(2_500_000)]) {
      expect(isPlain(t)).toBe(true);
      expect(words(t)).toEqual([{ text: t, start: 0, end: t.length }]);
    }
  }, 60_000);
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The seed article is in data/ verbatim: headline, blank line, paragraphs between blank lines.
 * tests/fixtures/seed/ keeps the wire text as received, so a clone anywhere can check it; where
 * the shared seeds sit beside the checkout (as in CI), the copy is checked against them too.
 */
const root = join(import.meta.dirname, '..', '..');
const SEED = '000_659b4ccabb39ed8a.txt';
const seed = readFileSync(join(root, 'tests', 'fixtures', 'seed', SEED), 'utf8');
const shared = join(root, '..', 'shared', 'seeds', SEED);
const article = JSON.parse(
  readFileSync(join(root, 'data', 'articles', 'putin-to-visit-north-korea-next-week.json'), 'utf8'),
) as { headline: string; paragraphs: string[] };

describe('data/articles/putin-to-visit-north-korea-next-week.json', () => {
  it('holds every character of the seed, in order', () => {
    expect([article.headline, ...article.paragraphs].join('\n\n')).toBe(seed);
    expect(article.paragraphs).toHaveLength(5);
  });

  it.runIf(existsSync(shared))('uses the seed exactly as shared', () => {
    expect(readFileSync(shared, 'utf8')).toBe(seed);
  });
});

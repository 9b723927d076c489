import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The seed article is in data/ verbatim: headline, blank line, paragraphs between blank lines. */
const root = join(import.meta.dirname, '..', '..');
const seed = readFileSync(join(root, '..', 'shared', 'seeds', '000_659b4ccabb39ed8a.txt'), 'utf8');
const article = JSON.parse(
  readFileSync(join(root, 'data', 'articles', 'putin-to-visit-north-korea-next-week.json'), 'utf8'),
) as { headline: string; paragraphs: string[] };

describe('data/articles/putin-to-visit-north-korea-next-week.json', () => {
  it('holds every character of the seed, in order', () => {
    expect([article.headline, ...article.paragraphs].join('\n\n')).toBe(seed);
    expect(article.paragraphs).toHaveLength(5);
  });
});

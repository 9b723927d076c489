import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataSet } from '../../tools/compile/build-data-set';
import type { TextSourceFile } from '../../tools/data/read-data-set';
import people from '../../data/entities/people.json';
import events from '../../data/entities/events.json';
import places from '../../data/entities/places.json';
import organizations from '../../data/entities/organizations.json';
import { freshWorker } from './helpers';

/**
 * Every published text round-trips unchanged: articles whose headline and paragraphs are
 * generated from what real text holds (Devanagari with nukta and virama, combining accents,
 * emoji with ZWJ, a BOM or U+2028 inside a paragraph, quotes and backslashes, surrounding
 * spaces), built by the real build step inside workerd, written to this file's KV, read back
 * through the API. Fixed seed, bounded count.
 */
const PIECES = [
  'पुतिन', 'किम जोंग उन', 'क़', 'क़', '्', '।', 'Putin', 'e\u0301', 'é', '😀', '👩‍👩‍👧', '\u200d', '\u200c', '\ufeff', '\u2028',
  '\u00a0', 'ﬁ', '"', '\\', '</script>', '\t', '\n', ' ', 'a', '1,000', 'U.S.',
];
const paragraph = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 20 })
  .map((p) => p.join(''))
  .filter((t) => t.trim().length > 0);
const articles = fc.sample(fc.record({ headline: paragraph, paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }) }), { seed: 15, numRuns: 40 });

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');

beforeAll(async () => {
  const files: TextSourceFile[] = [
    { path: 'entities/people.json', text: JSON.stringify(people) },
    { path: 'entities/events.json', text: JSON.stringify(events) },
    { path: 'entities/places.json', text: JSON.stringify(places) },
    { path: 'entities/organizations.json', text: JSON.stringify(organizations) },
    ...articles.map((a, i) => ({
      path: `articles/fuzz-${i}.json`,
      text: JSON.stringify({ slug: `fuzz-${i}`, language: 'hi', datePublished: '2024-06-12', ...a }),
    })),
  ];
  const result = await buildDataSet(files, { builtAt: '2026-01-01T00:00:00Z', hash: sha256 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  for (const { key, value } of result.data.entries) await env.NEWS.put(key, JSON.stringify(value));
  await env.NEWS.put(result.data.pointer.key, JSON.stringify(result.data.pointer.value));
});

const query = freshWorker();
const ARTICLE = 'query ($slug: String!) { article(slug: $slug) { headline paragraphs { text mentions { start end text } } } }';

describe('published text through the API', () => {
  it.each(articles.map((a, i) => [i, a] as const))('article %i reads back exactly as written', async (i, article) => {
    const r = await query<{ article: { headline: string; paragraphs: Array<{ text: string; mentions: Array<{ start: number; end: number; text: string }> }> } }>(ARTICLE, { slug: `fuzz-${i}` });
    expect(r.body.errors).toBeUndefined();
    const got = r.body.data!.article;
    expect(got.headline).toBe(article.headline);
    expect(got.paragraphs.map((p) => p.text)).toEqual(article.paragraphs);
    // A mention's text is the slice of its paragraph it claims to be.
    for (const p of got.paragraphs) for (const m of p.mentions) expect(p.text.slice(m.start, m.end)).toBe(m.text);
  });
});

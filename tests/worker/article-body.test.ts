import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { deliveryWorker, persistedGetUrl, SEED_SLUG } from './delivery-helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * `Article.body`: typed blocks over the article's paragraphs, built into the article's own
 * document, so the article page with its body reads what it read without one.
 */
const PARAGRAPHS = [
  'Putin met Kim in Pyongyang on Wednesday.',
  'What they signed',
  'The pact binds both to help if either is attacked.',
  '“We will stand together,” Kim said.',
  'Arms for satellites',
  'Food and fuel',
];
const BODY = [
  { type: 'paragraph', paragraph: 0, marks: [{ start: 0, end: 5, type: 'strong' }, { start: 0, end: 13, type: 'link', href: 'https://example.com/putin' }, { start: 17, end: 26, type: 'emphasis' }] },
  { type: 'heading', level: 2, paragraph: 1 },
  2,
  { type: 'image', image: { url: 'https://img.example.com/pact.jpg', alt: 'Two men shake hands', caption: 'Putin and Kim after the signing.', credit: 'KCNA' } },
  { type: 'quote', paragraph: 3, attribution: 'Kim Jong Un' },
  { type: 'list', items: [4, { paragraph: 5, marks: [{ start: 0, end: 4, type: 'emphasis' }] }] },
  { type: 'embed', provider: 'YOUTUBE', url: 'https://www.youtube.com/watch?v=abc123', text: 'The signing, on state television', attribution: 'KCNA (@kcna) June 19, 2024' },
  { type: 'table', caption: 'What each side gives', rows: [{ header: true, cells: ['Side', 'Gives'] }, { cells: ['Russia', 'Satellite technology'] }, { cells: ['North Korea', 'Shells'] }] },
];
const story = (slug: string, fields: Record<string, unknown> = {}): SourceFile => ({
  path: `articles/${slug}.json`,
  text: JSON.stringify({ slug, language: 'en', headline: `Story ${slug}`, datePublished: '2024-06-20', source: 'Written for this test.', paragraphs: PARAGRAPHS, ...fields }),
});

beforeAll(() => buildAndPublish([...seedFiles(), story('pact', { body: BODY }), story('plain')]), 60_000);

const production = () => deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' });
type Block = Record<string, any>;
// The shipped operations select `__typename` everywhere, as Apollo Client sends them (tools/operations/apollo-ready.ts).
const span = (text: string, marks: string[] = [], link: string | null = null) => ({ __typename: 'Span', text, marks, link });
async function page(slug: string, tag?: string) {
  // A tag of its own keeps an answer out of the edge cache another test filled.
  const response = await production()(persistedGetUrl('ArticlePage', { slug, ...(tag ? { tag } : {}) }));
  const json = (await response.json()) as { data: { article: { body: Block[]; paragraphs: Array<{ text: string; mentions: Array<{ start: number }> }> } }; errors?: Array<{ message: string; path: unknown[]; extensions: { code: string } }> };
  return { status: response.status, kv: response.kv, ...json };
}

describe('Article.body', () => {
  it('gives every block typed, with spans for links and emphasis, in the persisted ArticlePage', async () => {
    const { data, errors } = await page('pact');
    expect(errors).toBeUndefined();
    const body = data.article.body;
    expect(body.map((b) => b.__typename)).toEqual(['ParagraphBlock', 'HeadingBlock', 'ParagraphBlock', 'ImageBlock', 'QuoteBlock', 'ListBlock', 'EmbedBlock', 'TableBlock']);
    expect(body[0]).toEqual({
      __typename: 'ParagraphBlock', text: PARAGRAPHS[0], paragraph: 0,
      spans: [
        span('Putin', ['STRONG'], 'https://example.com/putin'),
        span(' met Kim', [], 'https://example.com/putin'),
        span(' in '),
        span('Pyongyang', ['EMPHASIS']),
        span(' on Wednesday.'),
      ],
    });
    expect(body[1]).toMatchObject({ level: 2, paragraph: 1, text: 'What they signed' });
    expect(body[3]).toMatchObject({ text: 'Putin and Kim after the signing.', image: { alt: 'Two men shake hands', credit: 'KCNA', renditions: [] } });
    expect(body[4]).toMatchObject({ attribution: 'Kim Jong Un', paragraph: 3 });
    expect(body[5]).toMatchObject({ ordered: false, text: 'Arms for satellites\nFood and fuel', items: [{ paragraph: 4 }, { paragraph: 5, spans: [{ text: 'Food', marks: ['EMPHASIS'] }, { text: ' and fuel', marks: [] }] }] });
    expect(body[6]).toEqual({ __typename: 'EmbedBlock', text: 'The signing, on state television', provider: 'YOUTUBE', url: 'https://www.youtube.com/watch?v=abc123', attribution: 'KCNA (@kcna) June 19, 2024' });
    // A table: its cells row by row, and as plain text (caption, a line a row, cells apart by tabs) for a client that cannot lay one out.
    expect(body[7]).toEqual({
      __typename: 'TableBlock', caption: 'What each side gives', text: 'What each side gives\nSide\tGives\nRussia\tSatellite technology\nNorth Korea\tShells',
      rows: [{ __typename: 'TableRow', header: true, cells: ['Side', 'Gives'] }, { __typename: 'TableRow', header: false, cells: ['Russia', 'Satellite technology'] }, { __typename: 'TableRow', header: false, cells: ['North Korea', 'Shells'] }],
    });
    // Every text block's spans join to its text, which is its paragraph's text: mention offsets hold.
    const texts = body.flatMap((b) => (b.items ?? (b.spans ? [b] : [])) as Block[]);
    for (const t of texts) {
      expect(t.spans.map((s: Block) => s.text).join('')).toBe(t.text);
      expect(t.text).toBe(data.article.paragraphs[t.paragraph]!.text);
    }
    expect(texts.map((t) => t.paragraph)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('is one paragraph block a paragraph for a story stored without structure, and for the seed', async () => {
    for (const slug of ['plain', SEED_SLUG]) {
      const { data, errors } = await page(slug);
      expect(errors).toBeUndefined();
      expect(data.article.body).toEqual(data.article.paragraphs.map((p, i) => ({ __typename: 'ParagraphBlock', text: p.text, paragraph: i, spans: [span(p.text)] })));
    }
  });

  it('costs the article page the round trips it cost without a body', async () => {
    const withBody = await page('pact');
    const without = await page('plain');
    expect(withBody.kv).toMatchObject({ versionReads: 1, roundTrips: without.kv.roundTrips, keys: without.kv.keys });
    expect(withBody.kv.roundTrips).toBeLessThanOrEqual(2);
  });

  it('answers a stored block of a kind it does not know as null with DATA_UNAVAILABLE, the rest of the body as before', async () => {
    const healthy = await page('pact');
    const key = (await env.NEWS.list({ prefix: '' })).keys.map((k) => k.name).find((k) => k.endsWith(':a:pact'))!;
    const doc = JSON.parse((await env.NEWS.get(key, 'text'))!) as { body: unknown[] };
    const original = await env.NEWS.get(key, 'text');
    doc.body[1] = { type: 'carousel', items: [] };
    doc.body[2] = { type: 'paragraph', paragraph: 99 };
    doc.body[7] = { type: 'table', rows: [{ cells: 'not a list' }] };
    await env.NEWS.put(key, JSON.stringify(doc));
    try {
      const { status, data, errors } = await page('pact', 'unknown-kind');
      expect(status).toBe(200);
      expect(errors?.map((e) => [e.path.join('.'), e.extensions.code])).toEqual([['article.body.1', 'DATA_UNAVAILABLE'], ['article.body.2', 'DATA_UNAVAILABLE'], ['article.body.7', 'DATA_UNAVAILABLE']]);
      expect(errors?.map((e) => e.message).join(' ')).not.toMatch(/:a:pact/);
      expect(data.article.body).toEqual(healthy.data.article.body.map((b, i) => ([1, 2, 7].includes(i) ? null : b)));
    } finally {
      await env.NEWS.put(key, original!);
    }
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKvStats } from '../../src/store/kv-stats-header';
import { persistedGetUrl } from '../shared/delivery-checks';
import { publishBeside, ROOT, seededState } from './publish-beside';
import { startWranglerDev, type DevServer } from './wrangler-dev';

/**
 * A structured body through the real `wrangler dev`, its bundle and wrangler.toml's production
 * vars (persisted operations only): a story with a subhead, a linked and emphasised paragraph,
 * a picture, a quote, a list and an embed is published as a delta beside the running server (as
 * `npm run ingest -- --publish` does), then read by the shipped ArticlePage and ArticleByUrl,
 * at the KV cost of the seed's page. A server of its own, so the publish changes no data the
 * other end-to-end files read.
 */
let scratch: string;
let server: DevServer;

const URL_OF_STORY = 'https://news.example.org/world/pact';
const story = {
  slug: 'body-e2e-story',
  language: 'hi',
  headline: 'पुतिन और किम का समझौता',
  url: URL_OF_STORY,
  datePublished: '2026-01-02T09:30:00Z',
  source: 'Test story.',
  paragraphs: ['पुतिन ने प्योंगयांग में किम से मुलाकात की।', 'समझौते में क्या है', 'दोनों देश एक-दूसरे की मदद करेंगे।', '“हम साथ खड़े रहेंगे,” किम ने कहा।'],
  body: [
    { type: 'paragraph', paragraph: 0, marks: [{ start: 0, end: 5, type: 'link', href: 'https://news.example.org/people/putin' }, { start: 9, end: 19, type: 'emphasis' }] },
    { type: 'heading', level: 2, paragraph: 1 },
    2,
    { type: 'image', image: { url: 'https://img.example.org/pact.jpg', alt: 'दो नेता हाथ मिलाते हुए', caption: 'समझौते के बाद पुतिन और किम।', credit: 'KCNA' } },
    { type: 'quote', paragraph: 3, attribution: 'किम जोंग उन' },
    { type: 'list', ordered: true, items: [{ text: 'हथियार' }, { text: 'उपग्रह तकनीक' }] },
    { type: 'embed', provider: 'TWITTER', url: 'https://x.com/kcna/status/1802', text: 'किम ने पुतिन का स्वागत किया' },
  ],
};

beforeAll(async () => {
  scratch = seededState('edge-news-body-');
  await publishBeside(scratch, [story], '2026-01-02T10:00:00Z');
  server = await startWranglerDev({ vars: {}, stateDir: scratch, root: ROOT });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

type Block = Record<string, any>;
const get = async (path: string) => {
  const response = await fetch(`${server.origin}${path}`);
  return { status: response.status, kv: parseKvStats(response.headers.get('x-kv-stats')), body: (await response.json()) as { data?: { article: { slug: string; body: Block[]; paragraphs: Array<{ text: string }> } }; errors?: unknown } };
};

describe('a structured body in wrangler dev (production vars)', () => {
  it('is answered by the persisted ArticlePage as typed blocks and spans, at the seed page\'s KV cost', async () => {
    const page = await get(persistedGetUrl('ArticlePage', { slug: story.slug }));
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
    const body = page.body.data!.article.body;
    expect(body.map((b) => b.__typename)).toEqual(['ParagraphBlock', 'HeadingBlock', 'ParagraphBlock', 'ImageBlock', 'QuoteBlock', 'ListBlock', 'EmbedBlock']);
    expect(body[0]!.spans.map((s: Block) => [s.text, s.marks, s.link])).toEqual([
      ['पुतिन', [], 'https://news.example.org/people/putin'], [' ने ', [], null], ['प्योंगयांग', ['EMPHASIS'], null], [' में किम से मुलाकात की।', [], null],
    ]);
    expect(body[3]).toMatchObject({ text: 'समझौते के बाद पुतिन और किम।', image: { alt: 'दो नेता हाथ मिलाते हुए', credit: 'KCNA' } });
    expect(body[4]).toMatchObject({ attribution: 'किम जोंग उन', paragraph: 3 });
    expect(body[5]).toMatchObject({ ordered: true, items: [{ text: 'हथियार', paragraph: null }, { text: 'उपग्रह तकनीक', paragraph: null }] });
    expect(body[6]).toMatchObject({ provider: 'TWITTER', url: 'https://x.com/kcna/status/1802' });
    for (const b of body.filter((x) => x.paragraph !== undefined && x.paragraph !== null)) {
      expect(b.spans.map((s: Block) => s.text).join('')).toBe(page.body.data!.article.paragraphs[b.paragraph]!.text);
    }
    const seed = await get(persistedGetUrl('ArticlePage', { slug: 'putin-to-visit-north-korea-next-week' }));
    expect(seed.body.data!.article.body.every((b) => b.__typename === 'ParagraphBlock')).toBe(true);
    expect(page.kv.roundTrips).toBe(seed.kv.roundTrips);
  });

  it('is answered by the persisted ArticleByUrl for a shared link', async () => {
    const page = await get(persistedGetUrl('ArticleByUrl', { url: `${URL_OF_STORY}?utm_source=share` }));
    expect(page.status).toBe(200);
    expect(page.body.data!.article.slug).toBe(story.slug);
    expect(page.body.data!.article.body).toHaveLength(7);
  });
});

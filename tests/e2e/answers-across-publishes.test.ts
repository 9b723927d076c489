import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKvStats } from '../../src/store/kv-stats-header';
import { persistedGetUrl, persistedId } from '../shared/delivery-checks';
import { publishBeside, ROOT, seededState } from './publish-beside';
import { startWranglerDev, type DevServer } from './wrangler-dev';
import { authorSlug } from '../../src/model/author-identity';

/**
 * Answers that outlive a publish (docs/publishing.md), through the real `wrangler dev` and its
 * local KV: a delta published beside the running server (as `npm run ingest -- --publish` does)
 * leaves another person's page served from the edge cache and the memo, with its ETag (304),
 * while the page the new story touches is made afresh, and the page of its author, kept as
 * "no such author" before, answers the new author. A server of its own, so the publish
 * does not change the data the other end-to-end files read.
 */
let scratch: string;
let server: DevServer;

const story = {
  slug: 'answers-e2e-story',
  language: 'hi',
  headline: 'पुतिन की मास्को में बैठक',
  datePublished: '2026-01-02T09:30:00Z',
  source: 'Test story.',
  paragraphs: ['पुतिन ने मास्को में सरकार की बैठक की।'],
  // A writer no published story has yet: the publish brings the author's page.
  authors: [{ name: 'आशा राव', url: 'https://news.example.org/staff/asha-rao', names: [{ language: 'hi', value: 'आशा राव' }, { language: 'hi-Latn', value: 'Asha Rao' }] }],
};
const authorUrl = persistedGetUrl('AuthorPage', { slug: authorSlug(story.authors[0]!) });
const personUrl = (slug: string) => persistedGetUrl('PersonPage', { slug });
const personPost = (slug: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ variables: { slug }, extensions: { persistedQuery: { version: 1, sha256Hash: persistedId('PersonPage') } } }),
});

beforeAll(async () => {
  scratch = seededState('edge-news-answers-');
  // Every request reads the pointer, so the publish is seen at once.
  server = await startWranglerDev({ vars: { VERSION_CHECK_SECONDS: '0' }, stateDir: scratch, root: ROOT });
});

afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('answers across a publish in wrangler dev', () => {
  it('keeps the page the publish did not touch (edge cache, memo, ETag) and remakes the one it did', { timeout: 120_000 }, async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers });
    const kim = await get(personUrl('kim-jong-un'));
    const kimText = await kim.text();
    const etag = kim.headers.get('etag')!;
    expect(kim.headers.get('cache-tag')!.split(',')).toEqual(expect.arrayContaining(['e.kim-jong-un', 'l.articles.person.kim-jong-un']));
    expect((await get(personUrl('kim-jong-un'))).headers.get('x-cache')).toBe('HIT');
    const putin = await (await get(personUrl('vladimir-putin'))).text();
    const noAuthor = await get(authorUrl);
    expect(await noAuthor.json()).toEqual({ data: { author: null } });
    expect((await get(authorUrl)).headers.get('x-cache')).toBe('HIT');
    await (await fetch(`${server.origin}/graphql`, personPost('kim-jong-un'))).text();
    expect((await fetch(`${server.origin}/graphql`, personPost('kim-jong-un'))).headers.get('x-memo')).toBe('HIT');

    const { version, published } = await publishBeside(scratch, [story], '2026-01-02T10:00:00Z');
    expect(published.purgeTags).toEqual(expect.arrayContaining(['a.answers-e2e-story', 'l.articles.person.vladimir-putin']));
    expect(published.purgeTags).not.toContain('e.kim-jong-un');
    expect(published.purgeTags).toContain(`w.${authorSlug(story.authors[0]!)}`);

    const kept = await get(personUrl('kim-jong-un'));
    expect(kept.headers.get('x-cache')).toBe('HIT');
    expect(kept.headers.get('x-data-version')).toBe(version);
    expect(kept.headers.get('etag')).toBe(etag);
    expect(await kept.text()).toBe(kimText);
    const revalidated = await get(personUrl('kim-jong-un'), { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    const memo = await fetch(`${server.origin}/graphql`, personPost('kim-jong-un'));
    expect(memo.headers.get('x-memo')).toBe('HIT');
    expect(parseKvStats(memo.headers.get('x-kv-stats'))).toMatchObject({ versionReads: 1, roundTrips: 0, keys: 0 });
    expect(await memo.text()).toBe(kimText);

    const remade = await get(personUrl('vladimir-putin'));
    expect(remade.headers.get('x-cache')).toBe('MISS');
    const text = await remade.text();
    expect(text).not.toBe(putin);
    expect(text).toContain(story.slug);

    const author = await get(authorUrl);
    expect(author.headers.get('x-cache')).toBe('MISS');
    expect(parseKvStats(author.headers.get('x-kv-stats')).roundTrips).toBeLessThanOrEqual(2);
    const page = (await author.json()) as { data: { author: { name: string; names: unknown[]; articleCount: number; articles: { edges: Array<{ node: { slug: string; authors: Array<{ slug: string }> } }> } } } };
    expect(page.data.author).toMatchObject({ name: 'आशा राव', names: [{ language: 'hi', value: 'आशा राव' }, { language: 'hi-Latn', value: 'Asha Rao' }], articleCount: 1 });
    expect(page.data.author.articles.edges.map((e) => e.node.slug)).toEqual([story.slug]);
    expect(page.data.author.articles.edges[0]!.node.authors[0]!.slug).toBe(authorSlug(story.authors[0]!));
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { buildDataSet } from '../../tools/compile/build-data-set';
import { freshWorker } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Editorial signals: ninjs urgency and the breaking flag on every card, and the lists editors
 * keep in data/curated/<name>.json (top stories per section), checked, published and read.
 */
function story(slug: string, datePublished: string, fields: Record<string, unknown>): SourceFile {
  const text = { slug, language: 'en', headline: `Story ${slug}`, datePublished, source: 'Written for this test.', paragraphs: ['Putin spoke.'], section: 'World', ...fields };
  return { path: `articles/${slug}.json`, text: JSON.stringify(text) };
}
const curated = (lists: Record<string, string[]>): SourceFile => ({ path: 'curated/top-stories.json', text: JSON.stringify(lists, null, 2) });

const files = [
  ...seedFiles(),
  story('c1', '2024-06-20', { urgency: 1 }),
  story('c2', '2024-06-21', { urgency: 5, breaking: true }),
  story('c3', '2024-06-22', { urgency: 3 }),
  story('c4', '2024-06-23', { urgency: 2, breaking: false }),
  curated({ home: ['c3', 'c1'], World: ['c2', 'c3'] }),
];
const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');

beforeAll(() => buildAndPublish(files), 60_000);

describe('editorial signals', () => {
  it('gives every card its urgency and breaking flag, at no extra read', async () => {
    const plain = await freshWorker()(`{ articles(filter: { section: "world" }) { nodes { slug } } }`);
    const r = await freshWorker()(`{ articles(filter: { section: "world" }) { nodes { slug urgency breaking } } }`);
    expect(r.body.data!.articles.nodes).toEqual([
      { slug: 'c4', urgency: 2, breaking: false },
      { slug: 'c3', urgency: 3, breaking: false },
      { slug: 'c2', urgency: 5, breaking: true },
      { slug: 'c1', urgency: 1, breaking: true },
    ]);
    expect(r.kv).toMatchObject({ roundTrips: plain.kv.roundTrips, keys: plain.kv.keys });
  });

  it('reads a curated list in the editor\'s order, and a section\'s top stories, in pointer + 2 round trips cold', async () => {
    const r = await freshWorker()(`{ curatedList(key: "top-stories:home") { key name entry articles { slug } } section(key: "World") { topStories { slug breaking } } }`);
    expect(r.body.data).toEqual({
      curatedList: { key: 'top-stories:home', name: 'top-stories', entry: 'home', articles: [{ slug: 'c3' }, { slug: 'c1' }] },
      section: { topStories: [{ slug: 'c2', breaking: true }, { slug: 'c3', breaking: false }] },
    });
    expect(r.kv).toMatchObject({ versionReads: 1 });
    expect(r.kv.roundTrips).toBeLessThanOrEqual(2);
  });

  it('answers null for a list no file keeps and BAD_USER_INPUT for a key without its two parts', async () => {
    const r = await freshWorker()(`{ a: curatedList(key: "top-stories:sport") { key } b: curatedList(key: "editors-picks:home") { key } }`);
    expect(r.body).toEqual({ data: { a: null, b: null } });
    const bad = await freshWorker()(`{ curatedList(key: "top-stories") { key } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'key' });
  });

  it('refuses a curated slug no article has, naming the file, entry and line', async () => {
    const result = await buildDataSet([...files.slice(0, -1), curated({ home: ['c1', 'no-such-story'] })], { builtAt: '2026-01-01T00:00:00Z', hash: sha256 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ file: 'curated/top-stories.json', path: '/home/1', message: 'line 4: no article has the slug "no-such-story"' }]);
    const bad = await buildDataSet([...files.slice(0, -1), { path: 'curated/top-stories.json', text: '{ "home": ["c1", "c1"] }' }], { builtAt: '2026-01-01T00:00:00Z', hash: sha256 });
    expect(!bad.ok && bad.problems[0]).toMatchObject({ file: 'curated/top-stories.json', path: '/home/1', message: 'line 1: "c1" is already in this list (line 1)' });
  });

  it('publishes an edited list incrementally, refuses an unknown slug there too, and leaves out a withdrawn story', async () => {
    const entities = seedFiles().filter((f) => f.path.startsWith('entities/'));
    await expect(publishIncrementally([...entities, curated({ home: ['gone-story'] })], [], '2026-02-01T00:00:00Z')).rejects.toThrow('no article has the slug');
    const { delta } = await publishIncrementally([...entities, curated({ home: ['c4', 'c2', 'c1'], World: ['c2', 'c3'] })], ['c2'], '2026-02-01T00:00:00Z').catch((e: Error) => ({ delta: e }) as never);
    expect(delta).toBeInstanceOf(Error);
    const ok = await publishIncrementally([...entities, curated({ home: ['c4', 'c1'], World: ['c2', 'c3'] })], [], '2026-02-01T00:00:00Z');
    expect(ok.delta.entries.map((e) => e.key.replace(/^v:[^:]+:/, ''))).toEqual(['q:top-stories']);
    // A story withdrawn later, by a publish without the curated file: its lists leave it out.
    await publishIncrementally(entities, ['c3'], '2026-02-02T00:00:00Z');
    const r = await freshWorker()(`{ curatedList(key: "top-stories:home") { articles { slug } } section(key: "world") { topStories { slug } } }`);
    expect(r.body.data).toEqual({ curatedList: { articles: [{ slug: 'c4' }, { slug: 'c1' }] }, section: { topStories: [{ slug: 'c2' }] } });
  });
});

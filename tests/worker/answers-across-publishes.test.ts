import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import articlePage from '../../operations/article-page.graphql?raw';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import personPage from '../../operations/person-page.graphql?raw';
import search from '../../operations/search.graphql?raw';
import typeAhead from '../../operations/type-ahead.graphql?raw';
import type { VersionPointer } from '../../src/model/documents';
import { POINTER_KEY } from '../../src/model/keys';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { publishDelta, type DeltaResult } from '../../tools/delta/publish-delta';
import { renameEntityDelta } from '../../tools/delta/rename-entity';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { parseKvStats } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Kept answers across publishes (src/model/answer-reads.ts): after each kind of publish, every
 * screen a warm worker answers, from its memo (POST) and through the edge cache (GET), is the
 * text a cold worker computes afresh at the new version: no stale answer. Screens the publish
 * did not touch are still served from the memo and the edge cache, with the same ETag.
 */
const N = 40;
const NEW = 'answers-new-story';
const RELATED = `query ($slug: String!) { article(slug: $slug) { slug related(first: 10) { slug headline people { slug name } } } }`;
const VERSION = `{ dataVersion { id articleCount } }`;
const CHANGES = `query ($since: ID!) { changes(since: $since) { totalCount nodes { kind nodeId } } }`;
const testEnv = { ...env, VERSION_CHECK_SECONDS: '0' } as Env;
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));

type Screen = { name: string; query: string; variables: Record<string, unknown> };
/** The version before the latest publish: what a syncing app asks changes since. */
let since = '';

const newStory = (headline: string) => ({
  path: `articles/${NEW}.json`,
  text: JSON.stringify({
    slug: NEW,
    language: 'hi',
    headline,
    datePublished: '2026-01-02T09:30:00Z',
    source: 'Test story.',
    paragraphs: ['पुतिन ने मास्को में सरकार की बैठक की।', 'पुतिन ने व्यापार पर बात की।'],
  }),
});

function screens(extra: string[] = []): Screen[] {
  const pages = [...new Set(['generated-000001', 'generated-000002', 'generated-000003', NEW, ...extra])];
  return [
    { name: 'feed', query: latestArticles, variables: { first: 20 } },
    { name: 'feed hi', query: latestArticles, variables: { first: 20, language: 'hi' } },
    ...pages.map((slug) => ({ name: `article ${slug}`, query: articlePage, variables: { slug } })),
    ...pages.map((slug) => ({ name: `related ${slug}`, query: RELATED, variables: { slug } })),
    { name: 'person putin', query: personPage, variables: { slug: 'vladimir-putin' } },
    { name: 'person kim', query: personPage, variables: { slug: 'kim-jong-un' } },
    ...['पुतिन', 'सरकार बैठक', 'kim'].map((q) => ({ name: `search ${q}`, query: search, variables: { query: q } })),
    ...['कि', 'pu'].map((prefix) => ({ name: `type-ahead ${prefix}`, query: typeAhead, variables: { prefix } })),
    { name: 'data version', query: VERSION, variables: {} },
    { name: 'changes', query: CHANGES, variables: { since } },
  ];
}

async function call(worker: ReturnType<typeof createWorker>, request: Request) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, text: await response.text(), headers: response.headers, kv: parseKvStats(response.headers.get('x-kv-stats')) };
}
const post = ({ query, variables }: Screen) =>
  new Request('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
const get = ({ query, variables }: Screen, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, { headers });

/** One warm isolate for the whole file, as a busy worker would be across a newsroom's publishes. */
const warm = createWorker(new IsolateState());

interface Seen {
  /** The answer differs from what the screen answered before the publish. */
  changed: boolean;
  memo: boolean;
  edge: string | null;
  etag: string | null;
  tags: string | null;
}

/**
 * Asks every screen of the warm worker by POST (memo) and GET (edge cache), and of a cold
 * worker by POST (the truth); fails on any difference. Then asks each again, so the next
 * publish finds them all kept. Returns how each was answered the first time.
 */
const lastText = new Map<string, string>();
async function checkAll(list: Screen[], label = ''): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  for (const screen of list) {
    const truth = await call(createWorker(new IsolateState()), post(screen));
    const changed = lastText.get(screen.name) !== truth.text;
    lastText.set(screen.name, truth.text);
    expect(truth.status, screen.name).toBe(200);
    expect(JSON.parse(truth.text).errors, screen.name).toBeUndefined();
    const memo = await call(warm, post(screen));
    const edge = await call(warm, get(screen));
    expect(memo.text, `${screen.name} (memo)`).toBe(truth.text);
    expect(edge.text, `${screen.name} (edge cache)`).toBe(truth.text);
    seen.set(screen.name, { changed, memo: memo.headers.get('x-memo') === 'HIT', edge: edge.headers.get('x-cache'), etag: edge.headers.get('etag'), tags: edge.headers.get('cache-tag') });
    expect((await call(warm, post(screen))).headers.get('x-memo'), screen.name).toBe('HIT');
    expect((await call(warm, get(screen))).headers.get('x-cache'), screen.name).toBe('HIT');
  }
  // Kept answers are answers the publish left as they were (implied by the comparisons above, said once more).
  expect(kept(seen).filter((name) => seen.get(name)!.changed)).toEqual([]);
  if (label) console.log(`${label}: ${list.length} screens, ${unchanged(seen).length} unchanged, ${kept(seen).length} served kept from memo and edge cache`, unchanged(seen).filter((n) => !kept(seen).includes(n)));
  return seen;
}

const kept = (seen: Map<string, Seen>) => [...seen].filter(([, s]) => s.memo && s.edge === 'HIT').map(([name]) => name).sort();
/** Screens whose answer the publish left as it was, and how many of them were served kept. */
const unchanged = (seen: Map<string, Seen>) => [...seen].filter(([, s]) => !s.changed).map(([name]) => name).sort();
const publishing = async () => {
  since = (await pointer()).version;
};
const pointer = async () => JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer;

let before = new Map<string, Seen>();

beforeAll(async () => {
  since = (await buildAndPublish([...seedFiles(), ...generateCorpus(N)], '2026-01-01T00:00:00Z')).version;
  before = await checkAll(screens());
}, 120_000);

describe('answers kept across publishes', () => {
  it('a new story: the feed, its person, search and the version are recomputed; another person and other articles are kept', async () => {
    await publishing();
    await publishIncrementally([...entityFiles(), newStory('पुतिन की मास्को में बैठक')], [], '2026-01-02T00:00:00Z');
    const seen = await checkAll(screens(), 'new story');
    expect(kept(seen)).toContain('person kim');
    for (const name of ['feed', 'feed hi', 'person putin', 'search पुतिन', 'data version', 'changes', `article ${NEW}`]) expect(seen.get(name)!.memo, name).toBe(false);
    // An unchanged answer keeps its ETag across the version, so a client's revalidation gets 304.
    expect(seen.get('person kim')!.etag).toBe(before.get('person kim')!.etag);
    const revalidated = await call(warm, get(screens().find((s) => s.name === 'person kim')!, { 'if-none-match': before.get('person kim')!.etag! }));
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-data-version')).toBe((await pointer()).version);
    // Tags name what the answer read: the person and their lists; the feed its list.
    expect(seen.get('person kim')!.tags!.split(',')).toEqual(expect.arrayContaining(['e.kim-jong-un', 'l.articles.person.kim-jong-un']));
    expect(seen.get('feed')!.tags!.split(',')).toContain('l.articles');
    expect(seen.get('search पुतिन')!.tags!.split(',')).toContain('search');
    expect(seen.get('data version')!.tags).toBe('version');
  }, 120_000);

  it('a kept answer costs no KV read but the pointer: another person\'s page after a publish', async () => {
    await publishing();
    await publishIncrementally([...entityFiles(), newStory('पुतिन की मास्को में दूसरी बैठक')], [], '2026-01-03T00:00:00Z');
    const kim = screens().find((s) => s.name === 'person kim')!;
    const hit = await call(warm, post(kim));
    expect(hit.headers.get('x-memo')).toBe('HIT');
    expect(hit.kv).toMatchObject({ versionReads: 1, roundTrips: 0, keys: 0, cacheHits: 0 });
    expect(hit.text).toBe((await call(createWorker(new IsolateState()), post(kim))).text);
    // Bring every screen to this version for the next case.
    before = await checkAll(screens());
  }, 120_000);

  it('a corrected story and a withdrawn one: never stale; related stories that carry it are recomputed', async () => {
    await publishing();
    // The new story, and five older ones whose cards other articles' related stories carry.
    const older = [...generateCorpus(5)].map((f) => ({ ...f, text: f.text.replace(/"headline":"/, '"headline":"Corrected: ') }));
    const { delta } = await publishIncrementally([...entityFiles(), newStory('पुतिन की बैठक: सुधार'), ...older], [], '2026-01-04T00:00:00Z');
    // Articles whose related stories carry a corrected card: their related screen must change.
    const corrected = new Set([NEW, ...older.map((f) => f.path.slice('articles/'.length, -'.json'.length))]);
    const touched = delta.entries.map((e) => /:r:(.+)$/.exec(e.key)?.[1]).filter((s): s is string => !!s && !corrected.has(s));
    expect(touched.length).toBeGreaterThan(0);
    let seen = await checkAll(screens(touched.slice(0, 3)), 'corrected story');
    for (const slug of touched.slice(0, 3)) expect(seen.get(`related ${slug}`), slug).toMatchObject({ changed: true, memo: false });
    expect(seen.get(`article ${NEW}`)!.memo).toBe(false);
    await publishing();
    await publishIncrementally(entityFiles(), [NEW], '2026-01-05T00:00:00Z');
    // The withdrawn story's own screens now answer null, as a fresh execution does.
    seen = await checkAll(screens(), 'withdrawn story');
    expect(seen.get(`article ${NEW}`)).toMatchObject({ changed: true, memo: false });
    expect(seen.get('feed')!.memo).toBe(false);
    expect(seen.get('person putin')!.memo).toBe(false);
    const gone = await call(warm, post({ name: 'gone', query: articlePage, variables: { slug: NEW } }));
    expect(JSON.parse(gone.text).data.article).toBeNull();
  }, 120_000);

  it('a correction past the feed\'s first page keeps the feed (a prefix of its list leaf); one on the page recomputes it', async () => {
    const feed40: Screen = { name: 'feed 40', query: latestArticles, variables: { first: 40 } };
    const order = JSON.parse((await call(createWorker(new IsolateState()), post({ name: 'order', query: '{ articles(first: 40) { nodes { slug } } }', variables: {} }))).text).data.articles.nodes.map((n: { slug: string }) => n.slug) as string[];
    const correct = (slug: string) => {
      const file = [...generateCorpus(N)].find((f) => f.path === `articles/${slug}.json`)!;
      return { ...file, text: file.text.replace(/"headline":"/, `"headline":"Corrected ${slug}: `) };
    };
    const list = [...screens(), feed40];
    await checkAll(list);
    await publishing();
    // Place 30 of the list's one leaf: the leaf is rewritten, its first 20 places are not.
    const generated = (from: number) => order.slice(from).find((slug) => slug.startsWith('generated-'))!;
    await publishIncrementally([...entityFiles(), correct(generated(30))], [], '2026-01-05T12:00:00Z');
    let seen = await checkAll(list, 'correction past the first page');
    expect(seen.get('feed')).toMatchObject({ changed: false, memo: true, edge: 'HIT' });
    expect(seen.get('feed 40')).toMatchObject({ changed: true, memo: false });
    await publishing();
    await publishIncrementally([...entityFiles(), correct(generated(3))], [], '2026-01-05T13:00:00Z');
    seen = await checkAll(list, 'correction on the first page');
    expect(seen.get('feed')).toMatchObject({ changed: true, memo: false });
  }, 120_000);

  it('an entity renamed: its page, the type-ahead and the articles showing its name are recomputed', async () => {
    await publishing();
    const kv = fromKvNamespace(env.NEWS);
    const delta = await renameEntityDelta(kv, await pointer(), { type: 'Person', slug: 'kim-jong-un', list: 'people' }, { language: 'en', value: 'Kim Jong-un' }, 'f'.repeat(16), '2026-01-06T00:00:00Z');
    const published: DeltaResult = await publishDelta(kv, delta);
    expect(published.purgeTags).toEqual(expect.arrayContaining(['e.kim-jong-un', 'l.people', 'version']));
    const seen = await checkAll(screens(), 'entity renamed');
    expect(seen.get('person kim')).toMatchObject({ changed: true, memo: false });
    expect(seen.get('person putin')).toMatchObject({ changed: false, memo: true, edge: 'HIT' });
  }, 120_000);

  it('a fold into level 1 keeps the untouched answers, also those kept from versions it folded, and recomputes the rest', async () => {
    // An isolate that last answered two publishes ago: its answers are checked from a version the fold takes into level 1.
    const lagging = createWorker(new IsolateState());
    const asked = screens().filter((s) => ['person kim', 'person putin', 'feed'].includes(s.name) || s.name.startsWith('article '));
    for (const screen of asked) await call(lagging, post(screen));
    await publishing();
    const { published } = await publishIncrementally([...entityFiles(), newStory('पुतिन की बैठक, दूसरा दिन')], [], '2026-01-06T12:00:00Z', {
      maxGenerations: 1,
      levelOneShare: 1, // a 40-article corpus: level 1 may grow as large as the base
    });
    expect(published).toMatchObject({ folded: true, compacted: false });
    const folded = await pointer();
    expect(folded.chain).toBeUndefined();
    expect(folded.level1?.version).toBe(folded.version);
    await checkAll(screens(), 'fold into level 1');
    await publishing();
    await publishIncrementally([...entityFiles(), newStory('पुतिन की एक और बैठक')], [], '2026-01-06T18:00:00Z');
    expect((await pointer()).chain).toHaveLength(1);
    const seen = await checkAll(screens(), 'publish on level 1');
    expect(seen.get('person kim')).toMatchObject({ changed: false, memo: true, edge: 'HIT' });
    expect(seen.get('person putin')!.memo).toBe(false);
    const hits: string[] = [];
    for (const screen of asked) {
      const truth = await call(createWorker(new IsolateState()), post(screen));
      const answer = await call(lagging, post(screen));
      expect(answer.text, `${screen.name} (lagging isolate)`).toBe(truth.text);
      if (answer.headers.get('x-memo') === 'HIT') hits.push(screen.name);
    }
    // Never stale (above), and not all discarded: Kim's page read nothing the two publishes wrote.
    expect(hits).toContain('person kim');
    expect(hits).not.toContain('person putin');
    expect(hits).not.toContain('feed');
  }, 180_000);

  it('a publish that compacts the chain into a new base keeps the untouched answers; a full build keeps none', async () => {
    await publishing();
    await publishIncrementally([...entityFiles(), newStory('पुतिन की बैठक फिर')], [], '2026-01-07T00:00:00Z', { maxGenerations: 1, levelOneShare: 0 });
    const base = await pointer();
    expect(base.chain).toBeUndefined();
    expect(base.baseParent).toBeDefined();
    let seen = await checkAll(screens(), 'compaction');
    expect(seen.get('person kim')!.memo).toBe(true);
    expect(seen.get('person kim')!.edge).toBe('HIT');
    expect(seen.get('person putin')!.memo).toBe(false);
    expect(seen.get('search kim')!.memo).toBe(false); // the fold rewrote the search index's layout

    await publishing();
    await buildAndPublish([...seedFiles(), ...generateCorpus(N)], '2026-01-08T00:00:00Z');
    // Its change lists start again: a full build after deltas cannot diff against them (docs/publishing.md).
    seen = await checkAll(screens().filter((s) => s.name !== 'changes'), 'full build');
    expect(kept(seen)).toEqual([]);
    expect(unchanged(seen).length).toBeGreaterThan(0);
  }, 180_000);
});

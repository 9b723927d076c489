import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import articlePage from '../../operations/article-page.graphql?raw';
import eventPage from '../../operations/event-page.graphql?raw';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import organizationPage from '../../operations/organization-page.graphql?raw';
import personPage from '../../operations/person-page.graphql?raw';
import placePage from '../../operations/place-page.graphql?raw';
import search from '../../operations/search.graphql?raw';
import typeAhead from '../../operations/type-ahead.graphql?raw';
import events from '../../data/entities/events.json';
import organizations from '../../data/entities/organizations.json';
import people from '../../data/entities/people.json';
import places from '../../data/entities/places.json';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';
import { generateArticle, generateCorpus } from '../../tools/fixtures/corpus';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * How many requests for screens a publish left unchanged are answered kept (memo for POST, edge
 * cache for GET) across a run of publishes a desk makes: stories added, corrected and withdrawn
 * on a corpus of 150. Every answer is also compared with a cold worker's at the same version.
 * Counted, never timed; the log line gives the figures (docs/publishing.md cites this test).
 */
const N = 150;
const testEnv = { ...env, VERSION_CHECK_SECONDS: '0' } as Env;
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));
type Screen = { name: string; query: string; variables: Record<string, unknown>; search?: boolean };

const screens: Screen[] = [
  { name: 'feed', query: latestArticles, variables: { first: 20 } },
  { name: 'feed hi', query: latestArticles, variables: { first: 20, language: 'hi' } },
  { name: 'feed en', query: latestArticles, variables: { first: 20, language: 'en' } },
  ...people.map((p) => ({ name: `person ${p.slug}`, query: personPage, variables: { slug: p.slug } })),
  ...events.map((e) => ({ name: `event ${e.slug}`, query: eventPage, variables: { slug: e.slug } })),
  ...organizations.map((o) => ({ name: `organization ${o.slug}`, query: organizationPage, variables: { slug: o.slug } })),
  ...places.slice(0, 20).map((p) => ({ name: `place ${p.slug}`, query: placePage, variables: { slug: p.slug } })),
  ...Array.from({ length: 30 }, (_, i) => `generated-${String(i * 5 + 1).padStart(6, '0')}`).map((slug) => ({ name: `article ${slug}`, query: articlePage, variables: { slug } })),
  ...['पुतिन', 'सरकार बैठक', 'trade'].map((q) => ({ name: `search ${q}`, query: search, variables: { query: q }, search: true })),
  ...['कि', 'mo'].map((prefix) => ({ name: `type-ahead ${prefix}`, query: typeAhead, variables: { prefix }, search: true })),
];

const warm = createWorker(new IsolateState());
async function call(worker: ReturnType<typeof createWorker>, request: Request) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return { text: await response.text(), headers: response.headers };
}
const post = ({ query, variables }: Screen) =>
  new Request('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
const get = ({ query, variables }: Screen) => new Request(`http://localhost/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`);

const last = new Map<string, string>();

type Tally = { unchanged: number; kept: number; unchangedSearch: number; keptSearch: number; changed: number; requests: number };
const newTally = (): Tally => ({ unchanged: 0, kept: 0, unchangedSearch: 0, keptSearch: 0, changed: 0, requests: 0 });
/** By kind of publish: a correction rewrites the 100-card list leaves that hold the story, which every page showing the top of those lists reads. */
const tallies = { 'added or withdrawn': newTally(), corrected: newTally() };
let tally = tallies.corrected;

/** Every screen by POST and GET on the warm worker, checked against a cold worker's answer. */
async function askAll(count: boolean): Promise<void> {
  for (const screen of screens) {
    const truth = (await call(createWorker(new IsolateState()), post(screen))).text;
    const memo = await call(warm, post(screen));
    const edge = await call(warm, get(screen));
    expect(memo.text, screen.name).toBe(truth);
    expect(edge.text, screen.name).toBe(truth);
    if (count) {
      tally.requests += 2;
      const hits = (memo.headers.get('x-memo') === 'HIT' ? 1 : 0) + (edge.headers.get('x-cache') === 'HIT' ? 1 : 0);
      if (last.get(screen.name) === truth) {
        tally[screen.search ? 'unchangedSearch' : 'unchanged'] += 2;
        tally[screen.search ? 'keptSearch' : 'kept'] += hits;
      } else {
        tally.changed += 2;
        expect(hits, screen.name).toBe(0);
      }
    }
    last.set(screen.name, truth);
  }
}

beforeAll(async () => {
  await buildAndPublish([...seedFiles(), ...generateCorpus(N)], '2026-01-01T00:00:00Z');
  await askAll(false);
}, 180_000);

describe('answers kept across a run of publishes', () => {
  it('serves most unchanged screens kept, and none that changed', async () => {
    const corrected = (i: number) => {
      const f = generateArticle(i);
      return { ...f, text: f.text.replace('"headline":"', '"headline":"Corrected: ') };
    };
    const publishes: Array<[files: ReturnType<typeof generateArticle>[], withdrawn: string[]]> = [
      [[generateArticle(N + 1)], []],
      [[corrected(17)], []],
      [[generateArticle(N + 2)], []],
      [[], ['generated-000042']],
      [[generateArticle(N + 3)], []],
      [[corrected(88)], []],
      [[generateArticle(N + 4)], []],
      [[], ['generated-000099']],
    ];
    for (const [i, [files, withdrawn]] of publishes.entries()) {
      await publishIncrementally([...entityFiles(), ...files], withdrawn, `2026-01-0${i + 2}T00:00:00Z`);
      tally = files.some((f) => f.text.includes('Corrected: ')) ? tallies.corrected : tallies['added or withdrawn'];
      await askAll(true);
    }
    for (const [kind, t] of Object.entries(tallies)) {
      console.log(
        `${kind}: ${t.requests} requests, ${t.changed} for changed screens (0 kept), ${t.unchanged} for unchanged screens ` +
          `other than search, ${t.kept} kept (${((100 * t.kept) / t.unchanged).toFixed(1)}%); ${t.unchangedSearch} for unchanged search and type-ahead screens, ${t.keptSearch} kept`,
      );
    }
    const added = tallies['added or withdrawn'];
    expect(added.kept / added.unchanged).toBeGreaterThanOrEqual(0.9);
  }, 600_000);
});

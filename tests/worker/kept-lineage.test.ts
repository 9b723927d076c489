import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import personPage from '../../operations/person-page.graphql?raw';
import type { VersionPointer } from '../../src/model/documents';
import { POINTER_KEY } from '../../src/model/keys';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { publishIncrementally } from './incremental-publish';
import { askKept, call, post, type Screen } from './kept-calls';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Kept answers across a compaction into a new base (src/store/read-pointer.ts followLineage,
 * src/model/generations.ts writtenSince): an answer kept from a version older than the one the
 * base was compacted from is still checked key by key, through the chain of that version which
 * the isolate held. Untouched screens are served kept; one a publish in between touched is
 * recomputed; an isolate that never saw the version before the base recomputes all.
 */
const N = 40;
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));
const kim: Screen = { name: 'person kim', query: personPage, variables: { slug: 'kim-jong-un' } };
const putin: Screen = { name: 'person putin', query: personPage, variables: { slug: 'vladimir-putin' } };
const feed: Screen = { name: 'feed', query: latestArticles, variables: { first: 20 } };
const VERSION: Screen = { name: 'version', query: '{ dataVersion { id } }', variables: {} };
const equal = (actual: string, expected: string, label: string) => expect(actual, label).toBe(expected);
const pointer = async () => JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer;

const story = (slug: string, headline: string, paragraphs: string[]) => ({
  path: `articles/${slug}.json`,
  text: JSON.stringify({ slug, language: 'hi', headline, datePublished: '2026-01-02T09:30:00Z', source: 'Test story.', paragraphs }),
});

/** Answers every screen kept at the first version, then is told of each version (as a busy isolate is, by other requests). */
const warm = createWorker(new IsolateState());
/** Answered at the first version, then nothing until after the compaction. */
const away = createWorker(new IsolateState());
const seeVersion = () => call(warm, post(VERSION));

beforeAll(async () => {
  await buildAndPublish([...seedFiles(), ...generateCorpus(N)], '2026-01-01T00:00:00Z');
  for (const screen of [kim, putin, feed]) for (const worker of [warm, away]) await askKept(worker, screen, equal);
}, 120_000);

describe('kept answers across a new base', () => {
  it('serves untouched answers kept from before the version the base was compacted from, and recomputes the touched', async () => {
    await publishIncrementally([...entityFiles(), story('lineage-putin', 'पुतिन की बैठक', ['पुतिन ने मास्को में सरकार की बैठक की।'])], [], '2026-01-02T10:00:00Z');
    await seeVersion();
    await publishIncrementally([...entityFiles(), story('lineage-trade', 'व्यापार वार्ता', ['व्यापार पर बात हुई।'])], [], '2026-01-02T11:00:00Z');
    await seeVersion();
    const parent = (await pointer()).version;
    const { published } = await publishIncrementally([...entityFiles(), story('lineage-rain', 'बारिश', ['बारिश हुई।'])], [], '2026-01-02T12:00:00Z', {
      maxGenerations: 1,
      levelOneShare: 0,
    });
    expect(published.compacted).toBe(true);
    expect((await pointer()).baseParent?.version).toBe(parent);

    const kept = await askKept(warm, kim, equal);
    expect(kept).toMatchObject({ memo: true, edge: true });
    // Putin's page read a key the first publish wrote; the feed, one each publish wrote.
    for (const screen of [putin, feed]) expect(await askKept(warm, screen, equal), screen.name).toMatchObject({ memo: false, edge: false });
    // Never seen the version the base came from: nothing to check its answers through, so none is served.
    expect((await askKept(away, kim, equal)).memo).toBe(false);
  }, 180_000);
});

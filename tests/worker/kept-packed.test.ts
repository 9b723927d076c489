import { beforeAll, describe, expect, it } from 'vitest';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import { IsolateState } from '../../src/store/isolate-state';
import { DEFAULT_CACHE_BUDGETS } from '../../src/store/cache-budgets';
import { createWorker } from '../../src/worker';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { call, fresh, post, type Screen } from './kept-calls';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * The response memo keeps answers packed (src/store/packed-text.ts) and counts the packed
 * bytes in its budget: six feeds of 20 and 40 cards, about 130 KiB as strings, fit the
 * probation tier of a 128 KiB memo (48 KiB), so each is served kept when asked again, and
 * every kept answer unpacks to the text a cold worker computes.
 */
const BUDGET = 128 * 1024;
const feeds: Screen[] = [20, 40].flatMap((first) =>
  [{}, { language: 'hi' }, { language: 'en' }].map((filter) => ({ name: `feed ${first} ${JSON.stringify(filter)}`, query: latestArticles, variables: { first, ...filter } })),
);

beforeAll(async () => {
  await buildAndPublish([...seedFiles(), ...generateCorpus(150)], '2026-01-01T00:00:00Z');
}, 120_000);

describe('the response memo keeps answers packed', () => {
  it('holds six large feeds in a small budget and serves each kept, as a fresh execution answers it', async () => {
    const isolate = new IsolateState({ ...DEFAULT_CACHE_BUDGETS, responseBytes: BUDGET });
    const worker = createWorker(isolate);
    const truths = new Map<string, string>();
    let textBytes = 0;
    for (const screen of feeds) {
      const truth = await fresh(screen);
      truths.set(screen.name, truth);
      textBytes += 2 * truth.length;
      const first = await call(worker, post(screen));
      expect(first.text, screen.name).toBe(truth);
      expect(first.headers.get('x-memo'), screen.name).toBeNull();
    }
    // As strings they would not fit even the whole memo, let alone its probation tier.
    expect(textBytes).toBeGreaterThan(BUDGET);
    expect(isolate.responses.stats).toMatchObject({ entries: feeds.length, evictions: 0, refused: 0 });
    expect(isolate.responses.stats.bytes).toBeLessThan(textBytes / 4);
    for (const screen of feeds) {
      const again = await call(worker, post(screen));
      expect(again.headers.get('x-memo'), screen.name).toBe('HIT');
      expect(again.text, screen.name).toBe(truths.get(screen.name));
    }
  }, 120_000);
});

import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { generateCorpus, lazyCorpus } from '../fixtures/corpus';
import { searchShardCount } from '../../src/model/keys';
import { checkedBuild } from './build-data-set';
import { buildDataSetStreamed } from './build-data-streamed';
import { compile } from './compile';
import { listSourceFiles, readSourceFiles } from '../data/source-files';

/**
 * The streamed build (articles read one at a time and spilled to disk with the search index,
 * entries built as read) against the in-memory build it replaced for full builds: the same version, keys and stored bytes, in
 * the same order, on the real data plus a generated corpus large enough for every spill
 * partition to hold several shards.
 */
const ARTICLES = 300;
const options = { builtAt: '2026-01-01T00:00:00.000Z', hash: async (t: string) => createHash('sha256').update(t).digest('hex') };
const files = () => [...readSourceFiles('data'), ...generateCorpus(ARTICLES)];
const spills = () => readdirSync(tmpdir()).filter((name) => name.startsWith('search-index-') || name.startsWith('build-spill-')).length;

describe('streamed build', () => {
  it('writes byte-identical entries to the in-memory build', async () => {
    expect(searchShardCount(ARTICLES)).toBeGreaterThanOrEqual(64 * 4);
    const before = spills();
    const [memory, streamed] = [await checkedBuild(files(), options, compile), await buildDataSetStreamed([...listSourceFiles('data'), ...lazyCorpus(ARTICLES)], options)];
    if (!memory.ok || !streamed.ok) throw new Error('the test corpus is invalid');
    const stored = (entries: Iterable<{ key: string; value: unknown }>) => [...entries].map((e) => `${e.key}\t${JSON.stringify(e.value)}`);
    const [want, got] = [stored(memory.data.entries), stored(streamed.data.entries)];
    expect(streamed.data.version).toBe(memory.data.version);
    expect(streamed.data.summary).toEqual(memory.data.summary);
    expect(got.length).toBe(want.length);
    expect(got.filter((line) => line.includes(':s:p:')).length).toBeGreaterThan(ARTICLES / 2);
    for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) expect(got[i]).toBe(want[i]);
    // Read twice, the same; disposed, no spill file is left.
    expect(stored(streamed.data.entries)).toEqual(got);
    streamed.data.dispose();
    expect(spills()).toBe(before);
  }, 120_000);
});

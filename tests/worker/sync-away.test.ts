import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncBlockKey, syncSeqKey } from '../../src/model/keys';
import { coverBlocks, type SyncSeq } from '../../src/model/sync-log';
import { generateArticle, generateCorpus } from '../../tools/fixtures/corpus';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { rollback } from '../../tools/publish/publish';
import { freshWorker } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Apps that were away, through real publishes: a full build, then PUBLISHES incremental
 * publishes of one article each (tools/delta/incremental.ts, tools/delta/publish-delta.ts),
 * one a minute. Every `since` answers with exactly the articles published after it, from the
 * sync log's blocks (src/model/sync-log.ts): two round trips and at most 2*log2(n) + 2 keys for
 * the list, whatever n; the clean-up keeps pace once steps are past the window.
 */
const BASE = 20;
const PUBLISHES = 24;
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 2);
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));
const slugOf = (i: number) => (JSON.parse(generateArticle(i).text) as { slug: string }).slug;

const versions: string[] = [];
const syncKeys: number[] = [];

const LIST = /* GraphQL */ `
  query ($since: ID!, $first: Int, $after: String) {
    changes(since: $since, first: $first, after: $after) {
      totalCount version
      pageInfo { hasNextPage endCursor }
      nodes { id nodeId kind }
    }
  }
`;

beforeAll(async () => {
  versions.push((await buildAndPublish([...seedFiles(), ...generateCorpus(BASE)])).pointer.value.version);
  for (let i = 1; i <= PUBLISHES; i++) {
    const { delta, published } = await publishIncrementally([...entityFiles(), generateArticle(BASE + i)], [], '2026-01-02T00:00:00Z', {
      sync: { now: T0 + i * MINUTE },
    });
    versions.push(delta.pointer.version);
    syncKeys.push(published.syncKeys);
  }
}, 600_000);

describe('changes(since:) for apps that were away', { timeout: 120_000 }, () => {
  it('writes the step, its place and one block per level the step completes, each block with its list moves apart: 5 keys a publish on average', () => {
    // Step s (0-based) completes log2 of the largest power of two dividing s + 1 blocks; every block of a new story has moves.
    const expected = syncKeys.map((_, s) => 3 + 2 * Math.log2((s + 1) & -(s + 1)));
    expect(syncKeys).toEqual(expected);
    expect(syncKeys.reduce((a, b) => a + b, 0)).toBe(5 * PUBLISHES - 4 /* 24 = 16 + 8: ones in its binary form */);
  });

  for (const back of [1, 10, PUBLISHES]) {
    it(`answers ${back} publish(es) back with exactly the articles published since, in 2 round trips`, async () => {
      const since = versions[PUBLISHES - back]!;
      const query = freshWorker();
      const r = await query(LIST, { since, first: 100 });
      expect(r.body.errors).toBeUndefined();
      const changes = r.body.data!.changes;
      expect(changes.version).toBe(versions[PUBLISHES]);
      const wanted = Array.from({ length: back }, (_, k) => slugOf(BASE + PUBLISHES - k)).sort();
      expect(changes.totalCount).toBe(back);
      expect(changes.nodes.map((c: { nodeId: string }) => atob(c.nodeId).replace('Article:', '')).sort()).toEqual(wanted);
      const cover = coverBlocks(PUBLISHES - back, PUBLISHES).length;
      expect(r.kv).toMatchObject({ versionReads: 1, roundTrips: 2, keys: 2 + cover });
      expect(cover).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(back + 1)));
    });
  }

  it('pages the list with the cursor of the version it leads to, in a page size an app uses', async () => {
    const query = freshWorker();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const r: any = await query(LIST, { since: versions[0], first: 10, after });
      seen.push(...r.body.data.changes.nodes.map((c: { nodeId: string }) => c.nodeId));
      if (!r.body.data.changes.pageInfo.hasNextPage) break;
      after = r.body.data.changes.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(PUBLISHES);
    expect(new Set(seen).size).toBe(PUBLISHES);
  });

  it('says SYNC_VERSION_TOO_OLD, with the rest of the answer, once a block it needs is gone', async () => {
    const since = versions[3]!;
    const { seq } = JSON.parse((await env.NEWS.get(syncSeqKey(since)))!) as SyncSeq;
    const [first] = coverBlocks(seq, PUBLISHES);
    const kept = await env.NEWS.get(syncBlockKey(first!.level, first!.start));
    await env.NEWS.delete(syncBlockKey(first!.level, first!.start));
    const r = await freshWorker()(`query ($since: ID!) { changes(since: $since) { totalCount } dataVersion { id } }`, { since });
    await env.NEWS.put(syncBlockKey(first!.level, first!.start), kept!);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'SYNC_VERSION_TOO_OLD' });
    expect(r.body.data).toEqual({ changes: null, dataVersion: { id: versions[PUBLISHES] } });
  });

  it('after a rollback and a publish, the abandoned version refreshes and older ones sync through the new step', async () => {
    await rollback(fromKvNamespace(env.NEWS), versions[PUBLISHES - 1]);
    const { delta } = await publishIncrementally([...entityFiles(), generateArticle(BASE + PUBLISHES + 1)], [], '2026-01-03T00:00:00Z', {
      sync: { now: T0 + (PUBLISHES + 1) * MINUTE },
    });
    const abandoned = await freshWorker()(LIST, { since: versions[PUBLISHES] });
    expect(abandoned.body.errors?.[0]?.extensions).toMatchObject({ code: 'SYNC_VERSION_TOO_OLD' });
    const r = await freshWorker()(LIST, { since: versions[PUBLISHES - 3] });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.changes.version).toBe(delta.pointer.version);
    const got = r.body.data!.changes.nodes.map((c: { nodeId: string }) => atob(c.nodeId).replace('Article:', '')).sort();
    expect(got).toEqual([BASE + PUBLISHES - 2, BASE + PUBLISHES - 1, BASE + PUBLISHES + 1].map(slugOf).sort());
  });
});

import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import changesOperation from '../../operations/changes.graphql?raw';
import { syncSeqKey } from '../../src/model/keys';
import { coverBlocks } from '../../src/model/sync-log';
import { utf8Length } from '../../src/text/utf8-length';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { nodeSelection } from '../../tools/operations/node-selection';
import { syncEntries } from '../../tools/publish/sync-writer';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * The sync window at its size: STEPS publishes, one every 5 minutes (7.3 days), each changing one
 * article, lead to the current version, a real build of STEPS articles. The log is written by the
 * publish's own sync writer (tools/publish/sync-writer.ts) with each publish's clock; the data
 * is the real build's, so every change's node is a real article record. (tests/worker/
 * sync-away.test.ts runs whole incremental publishes; this one runs the log alone, 2,100 times.)
 *
 * Counted for a `since` 1, 10, 100, 1,000 and 2,000 publishes back: round trips, keys and bytes
 * the change list reads, requests an app makes at the largest page the query cost allows, and
 * the bytes it downloads against the bytes of the changed records themselves.
 */
const STEPS = 2100;
const STEP_MS = 5 * 60_000;
const NOW = Date.UTC(2026, 0, 20);
const versionOf = (i: number) => `f${i.toString(16).padStart(11, '0')}`;
const trailingZeros = (n: number) => Math.log2(n & -n);
/** Steps past both bounds at the last publish: more than 7 days (2,016 steps of 5 minutes) and 2,000 publishes old. */
const EXPIRED = STEPS - 1 - 2016;
let current = '';
let slugs: string[] = [];
const writes: number[] = [];
let deletes = 0;

beforeAll(async () => {
  const data = await buildAndPublish([...seedFiles(), ...generateCorpus(STEPS)]);
  current = data.pointer.value.version;
  const prefix = `v:${current}:a:`;
  slugs = data.entries.filter((e) => e.key.startsWith(prefix)).map((e) => e.key.slice(prefix.length));
  const kv = fromKvNamespace(env.NEWS);
  // The log starts at an older version; step i leads from version i to i + 1, the last to the build.
  await kv.putMany((await syncEntries(kv, undefined, versionOf(0), null)).entries);
  for (let i = 0; i < STEPS; i++) {
    const to = i === STEPS - 1 ? current : versionOf(i + 1);
    const logged = await syncEntries(kv, versionOf(i), to, [['Article', slugs[i]!, 'UPSERTED']], { now: NOW - (STEPS - 1 - i) * STEP_MS });
    await kv.putMany(logged.entries);
    await kv.deleteMany(logged.expired);
    writes.push(logged.entries.length);
    deletes += logged.expired.length;
  }
}, 1_200_000);

const versionBack = (back: number) => (back === 0 ? current : versionOf(STEPS - back));
const LIST = `query ($since: ID!) { changes(since: $since, first: 500) { totalCount nodes { nodeId kind } } }`;
const CARD = `id ... on Article { headline datePublished }`;
const RECORD = `id ... on Article { slug headline language datePublished summary section byline paragraphs { text } }`;

/** Every page of `changes` with `selection` on each node: requests made, bytes downloaded, node ids. */
async function resync(since: string, selection: string, first: number) {
  const query = freshWorker();
  let after: string | null = null;
  let requests = 0;
  let bytes = 0;
  const ids: string[] = [];
  for (;;) {
    const r: any = await query(
      `query ($since: ID!, $first: Int, $after: String) { changes(since: $since, first: $first, after: $after) { version pageInfo { hasNextPage endCursor } nodes { id nodeId kind node { ${selection} } } } }`,
      { since, first, after },
    );
    expect(r.body.errors).toBeUndefined();
    requests += 1;
    bytes += utf8Length(JSON.stringify(r.body));
    ids.push(...r.body.data.changes.nodes.map((c: { nodeId: string }) => c.nodeId));
    if (!r.body.data.changes.pageInfo.hasNextPage) return { requests, bytes, ids };
    after = r.body.data.changes.pageInfo.endCursor;
  }
}

/** The changed records alone, as `nodes(ids:)` answers them with the same selection. */
async function recordBytes(ids: string[], selection: string): Promise<number> {
  const query = freshWorker();
  let bytes = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const r: any = await query(`query ($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`, { ids: ids.slice(i, i + 100) });
    for (const node of r.body.data.nodes) bytes += utf8Length(JSON.stringify(node));
  }
  return bytes;
}

describe('the sync window at 2,100 publishes over 7.3 days', { timeout: 600_000 }, () => {
  it('writes 3 sync keys a publish on average: its step, its place and the blocks it completes', async () => {
    writes.forEach((n, s) => expect(n).toBeLessThanOrEqual(2 + trailingZeros(s + 1)));
    const mean = writes.reduce((a, b) => a + b, 0) / writes.length;
    expect(mean).toBeLessThanOrEqual(3);
    expect(Math.max(...writes)).toBeLessThanOrEqual(2 + 11);
    // The clean-up kept pace: no step older than the window is left, and every step inside it is there.
    const stored = await fromKvNamespace(env.NEWS).list('sync:b:0:');
    const steps = stored.map((k) => Number(k.split(':').at(-1))).sort((a, b) => a - b);
    expect(steps[0]).toBe(EXPIRED);
    expect(steps).toEqual(Array.from({ length: STEPS - EXPIRED }, (_, i) => EXPIRED + i));
    console.log(`sync keys written a publish: mean ${mean.toFixed(3)}, max ${Math.max(...writes)}; deleted by the clean-up: ${deletes}; steps stored: ${steps.length}`);
  });

  const figures: string[] = [];
  for (const back of [1, 10, 100, 1000, 2000]) {
    it(`answers ${back} publish(es) back: 2 round trips, at most 2*log2(n) + 2 keys, the changed articles exactly`, async () => {
      const since = versionBack(back);
      const list = await freshWorker()(LIST, { since });
      expect(list.body.errors).toBeUndefined();
      expect(list.body.data!.changes.totalCount).toBe(back);
      const cover = coverBlocks(STEPS - back, STEPS).length;
      expect(list.kv).toMatchObject({ versionReads: 1, roundTrips: 2, keys: 2 + cover });
      expect(cover).toBeLessThanOrEqual(2 * Math.log2(back + 1));

      const light = await resync(since, CARD, 500);
      expect(light.requests).toBe(Math.ceil(back / 500));
      expect(new Set(light.ids).size).toBe(back);
      const full = await resync(since, RECORD, 300);
      const [cardBytes, fullBytes] = await Promise.all([recordBytes(light.ids, CARD), recordBytes(full.ids, RECORD)]);
      const listed = await freshWorker()(`query ($since: ID!) { changes(since: $since, first: 300) { totalCount } }`, { since });
      const withNodes = await freshWorker()(`query ($since: ID!) { changes(since: $since, first: 300) { nodes { node { ${RECORD} } } } }`, { since });
      expect(withNodes.body.errors).toBeUndefined();
      const line =
        `${back} back: list ${list.kv.roundTrips} round trips, ${list.kv.keys} keys, ${list.kv.bytes} bytes read; ` +
        `cards: ${light.requests} request(s) of 500, ${light.bytes} bytes vs ${cardBytes} (x${(light.bytes / cardBytes).toFixed(2)}); ` +
        `records: ${full.requests} request(s) of 300, ${full.bytes} bytes vs ${fullBytes} (x${(full.bytes / fullBytes).toFixed(2)}); ` +
        `KV bytes, first page of 300: the list ${listed.kv.bytes}, the changed records ${withNodes.kv.bytes - listed.kv.bytes}`;
      figures.push(line);
      console.log(line);
      expect(full.bytes / fullBytes).toBeLessThanOrEqual(1.2);
    });
  }

  it('brings an app away 1,000 publishes back in 2 requests of the shipped Changes operation, at most 1.2 times the changed records', async () => {
    const query = freshWorker();
    const gzipped = async (text: string) => (await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()).byteLength;
    const sum = { requests: 0, bytes: 0, gzip: 0, recordBytes: 0, recordGzip: 0 };
    const ids: string[] = [];
    let after: string | null = null;
    do {
      // The operation's own page size (its `first` default): no variable but the cursor.
      const r: any = await query(changesOperation, { since: versionBack(1000), after });
      expect(r.body.errors).toBeUndefined();
      const text = JSON.stringify(r.body);
      Object.assign(sum, { requests: sum.requests + 1, bytes: sum.bytes + utf8Length(text), gzip: sum.gzip + (await gzipped(text)) });
      ids.push(...r.body.data.changes.nodes.map((c: { nodeId: string; node: { id: string } | null }) => c.node?.id ?? c.nodeId));
      after = r.body.data.changes.pageInfo.hasNextPage ? r.body.data.changes.pageInfo.endCursor : null;
    } while (after !== null);
    expect(sum.requests).toBe(2);
    expect(new Set(ids).size).toBe(1000);
    // The yardstick: the same node selection of the same nodes, alone.
    for (let i = 0; i < ids.length; i += 100) {
      const r: any = await query(`query ($ids: [ID!]!) { nodes(ids: $ids) ${nodeSelection(changesOperation, 'nodes {')} }`, { ids: ids.slice(i, i + 100) });
      const text = JSON.stringify(r.body);
      Object.assign(sum, { recordBytes: sum.recordBytes + utf8Length(text), recordGzip: sum.recordGzip + (await gzipped(text)) });
    }
    console.log(`shipped Changes, 1,000 back: ${sum.requests} requests, ${sum.bytes} bytes vs ${sum.recordBytes} (x${(sum.bytes / sum.recordBytes).toFixed(2)}), gzipped ${sum.gzip} vs ${sum.recordGzip} (x${(sum.gzip / sum.recordGzip).toFixed(2)})`);
    expect(sum.gzip / sum.recordGzip).toBeLessThanOrEqual(1.2);
  });

  it('tells an app away past both 7 days and 2,000 publishes to refresh, and still answers the rest', async () => {
    // 2,050 publishes back, 7.1 days: its place was cleaned up.
    expect(await env.NEWS.get(syncSeqKey(versionBack(2050)))).toBeNull();
    const old = await freshWorker()(`query ($since: ID!) { changes(since: $since) { totalCount } dataVersion { id } }`, { since: versionBack(2050) });
    expect(old.body.errors?.[0]?.extensions).toMatchObject({ code: 'SYNC_VERSION_TOO_OLD', argument: 'since' });
    expect(old.body.data).toEqual({ changes: null, dataVersion: { id: current } });
    // 2,010 publishes back but under 7 days (6.98): still answered.
    const week = await freshWorker()(`query ($since: ID!) { changes(since: $since, first: 1) { totalCount } }`, { since: versionBack(2010) });
    expect(week.body.data?.changes.totalCount).toBe(2010);
  });
});

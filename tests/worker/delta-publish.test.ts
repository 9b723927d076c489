import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import data from '../../.build/kv-data.json';
import pointerEntries from '../../.build/kv-pointer.json';
import articlePage from '../../operations/article-page.graphql?raw';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import personPage from '../../operations/person-page.graphql?raw';
import eventPage from '../../operations/event-page.graphql?raw';
import search from '../../operations/search.graphql?raw';
import typeAhead from '../../operations/type-ahead.graphql?raw';
import { encodeMembership } from '../../src/model/generations';
import { POINTER_KEY } from '../../src/model/keys';
import type { VersionPointer } from '../../src/model/documents';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';
import { fromKvNamespace, type KvWriter } from '../../tools/publish/kv-writer';
import { publishDelta, type DeltaToPublish } from '../../tools/delta/publish-delta';
import { SCREENS, SEED_SLUG } from '../../tools/fixtures/screens';
import { freshWorker, parseKvStats, seedKv } from './helpers';

/**
 * A delta version read by the worker in workerd (tools/delta/publish-delta.ts, src/model/
 * generations.ts): a headline correction, written as a delta over the real build output.
 */
const base = JSON.parse(pointerEntries[0]!.value) as VersionPointer;
const OLD = (JSON.parse(data.find((e) => e.key === `v:${base.version}:a:${SEED_SLUG}`)!.value) as { headline: string }).headline;
const NEW = `संशोधित: ${OLD}`;
const DELTA = 'dd01';
/** The same correction folded into level 1, and a delta on top of it. */
const FOLDED = 'dd02';
const ON_TOP = 'dd03';
/** Every key whose value shows the headline (the article and the list chunks with its card), corrected. */
const correctionAs = (version: string): DeltaToPublish => ({
  parent: base.version,
  pointer: { ...base, version },
  entries: data
    .filter((e) => e.value.includes(OLD))
    .map((e) => ({ key: e.key.replace(`v:${base.version}:`, `v:${version}:`), value: e.value.replaceAll(OLD, NEW) })),
  deleted: [],
});
const correction = correctionAs(DELTA);
const kv = (): KvWriter => fromKvNamespace(env.NEWS);
const ARTICLE = `{ article(slug: "${SEED_SLUG}") { headline } articles(first: 5) { nodes { headline } }
  person(slug: "vladimir-putin") { articles(first: 5) { nodes { headline } } } }`;
const headlines = (body: unknown) => [...JSON.stringify(body).matchAll(/"headline":"([^"]*)"/g)].map((m) => m[1]);

/** One isolate that checks the pointer on every request, as a busy worker across publishes. */
function warmWorker() {
  const worker = createWorker(new IsolateState());
  return async (query: string) => {
    const ctx = createExecutionContext();
    const request = new Request('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, VERSION_CHECK_SECONDS: '0' } as Env, ctx);
    await waitOnExecutionContext(ctx);
    return {
      body: (await response.json()) as { data: Record<string, { name?: string; headline?: string }> },
      kv: parseKvStats(response.headers.get('x-kv-stats')),
      memo: response.headers.get('x-memo'),
    };
  };
}

beforeAll(seedKv, 120_000);
// Back to the base version: its keys are never touched; the delta's keys and the history go.
beforeEach(async () => {
  const keys = (await Promise.all([DELTA, FOLDED, ON_TOP].map((v) => env.NEWS.list({ prefix: `v:${v}:` })))).flatMap((l) => l.keys);
  await Promise.all([...keys.map((k) => env.NEWS.delete(k.name)), env.NEWS.delete('history')]);
  await env.NEWS.put(POINTER_KEY, pointerEntries[0]!.value);
});

describe('a delta version in the worker', () => {
  it('is not seen until the pointer switch, then seen whole; a crashed publish shows nothing of it', async () => {
    const crashing: KvWriter = {
      ...kv(),
      putMany: async (pairs) => {
        if (pairs.some((p) => p.key === 'history')) throw new Error('publisher killed (injected)');
        await kv().putMany(pairs);
      },
    };
    await expect(publishDelta(crashing, correction)).rejects.toThrow('publisher killed');
    expect(await env.NEWS.get(`v:${DELTA}:a:${SEED_SLUG}`)).not.toBeNull();
    const before = await freshWorker()(ARTICLE);
    expect(new Set(headlines(before.body))).toEqual(new Set([OLD]));
    await publishDelta(kv(), correction);
    const after = await freshWorker()(ARTICLE);
    expect(headlines(after.body)).toEqual(headlines(before.body).map(() => NEW));
  });

  it('costs the app operations the same KV round trips and keys as the base version', async () => {
    const screens: Array<[string, Record<string, unknown>]> = [
      [articlePage, SCREENS['article-page']], [latestArticles, SCREENS['latest-articles']], [personPage, SCREENS['person-page']],
      [eventPage, SCREENS['event-page']], [search, SCREENS.search], [typeAhead, SCREENS['type-ahead']],
    ];
    const counts = async () =>
      Promise.all(screens.map(async ([source, variables]) => {
        const { kv: stats, body } = await freshWorker()(source, variables);
        expect(body.errors).toBeUndefined();
        return { versionReads: stats.versionReads, roundTrips: stats.roundTrips, keys: stats.keys };
      }));
    const onBase = await counts();
    await publishDelta(kv(), correction);
    expect(await counts()).toEqual(onBase);
    // Folded into level 1 (a bound of no generation): the same keys, and one read more for the index.
    await env.NEWS.put(POINTER_KEY, pointerEntries[0]!.value);
    await env.NEWS.delete('history');
    await publishDelta(kv(), correctionAs(FOLDED), undefined, { maxGenerations: 0, levelOneShare: 1 });
    expect((JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer).level1?.version).toBe(FOLDED);
    expect(await counts()).toEqual(onBase.map((c) => ({ ...c, versionReads: c.versionReads + 1 })));
  });

  it('reads the level-1 index once per fold per isolate, across the versions that name it', async () => {
    const send = warmWorker();
    const query = `{ article(slug: "${SEED_SLUG}") { headline } }`;
    await publishDelta(kv(), correctionAs(FOLDED), undefined, { maxGenerations: 0, levelOneShare: 1 });
    expect(await send(query)).toMatchObject({ body: { data: { article: { headline: NEW } } }, kv: { versionReads: 2 } });
    expect((await send(`{ dataVersion { id } ${query.slice(1)}`)).kv.versionReads).toBe(1);
    // One more publish chains on top of level 1: the isolate keeps the index it read.
    const again: DeltaToPublish = {
      parent: FOLDED,
      pointer: { ...base, version: ON_TOP },
      entries: correction.entries.map((e) => ({ key: e.key.replace(`v:${DELTA}:`, `v:${ON_TOP}:`), value: e.value.replaceAll(NEW, `${NEW} (2)`) })),
      deleted: [],
    };
    await publishDelta(kv(), again);
    expect(await send(query)).toMatchObject({ body: { data: { article: { headline: `${NEW} (2)` } } }, kv: { versionReads: 1 } });
    expect((await freshWorker()(query)).body).toEqual((await send(query)).body);
  });

  it('keeps the documents the delta did not change warm across the switch', async () => {
    const send = warmWorker();
    expect((await send('{ person(slug: "vladimir-putin") { name } }')).kv).toMatchObject({ roundTrips: 1, cacheHits: 0 });
    await send(`{ article(slug: "${SEED_SLUG}") { headline } }`);
    await publishDelta(kv(), correction);
    // The same request is answered from the memo (the delta wrote nothing it read); another
    // request for the same person reads the document the isolate kept.
    const person = await send('{ person(slug: "vladimir-putin") { name } }');
    expect(person).toMatchObject({ memo: 'HIT', kv: { versionReads: 1, roundTrips: 0, cacheHits: 0 } });
    const again = await send('{ person(slug: "vladimir-putin") { name slug } }');
    expect(again).toMatchObject({ memo: null, kv: { versionReads: 1, roundTrips: 0, cacheHits: 1 } });
    const article = await send(`{ article(slug: "${SEED_SLUG}") { headline } }`);
    expect(article.body.data.article!.headline).toBe(NEW);
    expect(article.kv).toMatchObject({ roundTrips: 1 });
  });

  it('answers right when a membership hash matches a key the generation does not hold (one more round trip)', async () => {
    await publishDelta(kv(), correction);
    const query = '{ person(slug: "vladimir-putin") { name } }';
    const exact = await freshWorker()(query);
    const current = JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer;
    const written = correction.entries.map((e) => e.key.slice(`v:${DELTA}:`.length));
    const falseMatch = { ...current, chain: [{ version: DELTA, keys: encodeMembership([...written, 'e:vladimir-putin']) }] };
    await env.NEWS.put(POINTER_KEY, JSON.stringify(falseMatch));
    const fallback = await freshWorker()(query);
    expect(fallback.body).toEqual(exact.body);
    expect(fallback.kv.roundTrips).toBe(exact.kv.roundTrips + 1);
  });
});

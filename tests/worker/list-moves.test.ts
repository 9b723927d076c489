import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, generateCorpus } from '../../tools/fixtures/corpus';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { coldQuery } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * `changes(since:, lists:)` over real incremental publishes: a story added, one withdrawn, one
 * corrected into another section. The stories that entered or left each named list come from
 * the sync log's steps and merged runs (src/model/list-moves.ts), composed over any span,
 * in the round trips `changes(since:)` takes without them.
 */
const EVENT = 'putin-kim-summit-2019';
const story = (i: number, slug: string, section: string, extra: Record<string, unknown> = {}): SourceFile => {
  const file = JSON.parse(generateArticle(i, 17).text) as Record<string, unknown>;
  return { path: `articles/${slug}.json`, text: JSON.stringify({ ...file, slug, section, language: 'en', events: [EVENT], ...extra }) };
};
const entities = () => seedFiles().filter((f) => f.path.startsWith('entities/'));
const LISTS = ['latest', 'section:World', 'section:sport', `event:${EVENT}`, 'language:en'];
const versions: string[] = [];

const CHANGES = /* GraphQL */ `
  query ($since: ID!, $lists: [String!], $first: Int, $after: String) {
    changes(since: $since, lists: $lists, first: $first, after: $after) {
      totalCount version refetchLists
      pageInfo { hasNextPage endCursor }
      nodes { id nodeId kind list node { id } }
    }
  }
`;
interface Changes {
  totalCount: number;
  version: string;
  refetchLists: string[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: Array<{ id: string; nodeId: string; kind: string; list: string | null; node: { id: string } | null }>;
}
const query = coldQuery;
async function changes(variables: Record<string, unknown>) {
  const r = await query<{ changes: Changes }>(CHANGES, variables);
  expect(r.body.errors).toBeUndefined();
  return { ...r.body.data!.changes, kv: r.kv };
}
const slugOfId = (id: string) => atob(id.replace(/-/g, '+').replace(/_/g, '/')).split(':').pop();
const moves = (c: Changes) => c.nodes.filter((n) => n.list !== null).map((n) => `${n.list} ${n.kind} ${slugOfId(n.nodeId)}`);

beforeAll(async () => {
  const base = [story(1, 'w-kept', 'World'), story(2, 'w-withdrawn', 'World'), story(3, 'w-moved', 'World', { language: 'hi' })];
  versions.push((await buildAndPublish([...seedFiles(), ...generateCorpus(5, 17), ...base])).pointer.value.version);
  const steps: Array<[SourceFile[], string[]]> = [
    [[story(4, 'w-added', 'World')], []],
    [[], ['w-withdrawn']],
    [[story(3, 'w-moved', 'Sport', { language: 'hi', dateModified: '2030-01-01T00:00:00Z' })], []],
    // Added, then withdrawn in the next publish: over both, no move at all.
    [[story(5, 'w-brief', 'Sport')], []],
    [[], ['w-brief']],
  ];
  for (const [files, withdrawn] of steps) versions.push((await publishIncrementally([...entities(), ...files], withdrawn, '2026-01-02T00:00:00Z')).delta.pointer.version);
}, 300_000);

describe('changes(since:, lists:)', () => {
  it('reports each publish’s entries and departures for the lists named, after the node changes', async () => {
    // The section change of a correction: out of one section's list, into the other's; its language and event stay.
    const corrected = await changes({ since: versions[2], lists: LISTS });
    expect(corrected.version).toBe(versions[5]);
    expect(moves(corrected)).toEqual(['section:World LEFT w-moved', 'section:sport ENTERED w-moved']);
    expect(corrected.nodes.filter((n) => n.list === null).map((n) => `${n.kind} ${slugOfId(n.nodeId)}`)).toEqual(['REMOVED w-brief', 'UPSERTED w-moved']);
    // A withdrawal: out of every list it was in.
    expect(moves(await changes({ since: versions[4], lists: LISTS }))).toEqual([
      'latest LEFT w-brief', 'section:sport LEFT w-brief', `event:${EVENT} LEFT w-brief`, 'language:en LEFT w-brief',
    ]);
  });

  it('composes any span: the net moves, a story added and withdrawn within it not at all', async () => {
    const all = await changes({ since: versions[0], lists: LISTS, first: 50 });
    expect(moves(all)).toEqual([
      'latest ENTERED w-added', 'latest LEFT w-withdrawn',
      'section:World ENTERED w-added', 'section:World LEFT w-moved', 'section:World LEFT w-withdrawn',
      'section:sport ENTERED w-moved',
      `event:${EVENT} ENTERED w-added`, `event:${EVENT} LEFT w-withdrawn`,
      'language:en ENTERED w-added', 'language:en LEFT w-withdrawn',
    ]);
    expect(all.refetchLists).toEqual([]);
    // Node changes first, as without lists; ENTERED carries the story, LEFT of a withdrawn one nothing.
    const plain = await changes({ since: versions[0], first: 50 });
    expect(all.nodes.slice(0, plain.totalCount).map((n) => n.id)).toEqual(plain.nodes.map((n) => n.id));
    expect(all.totalCount).toBe(plain.totalCount + 10);
    expect(all.nodes.find((n) => n.list === 'section:sport')!.node).not.toBeNull();
    expect(all.nodes.find((n) => n.list === 'latest' && n.kind === 'LEFT')!.node).toBeNull();
    // Each entry's own id differs from every other's and from every node's (Relay keys its store by id).
    expect(new Set(all.nodes.map((n) => n.id)).size).toBe(all.nodes.length);
  });

  it('costs no KV round trip more than changes(since:) without lists, which reads none of the moves kept apart', async () => {
    const select = 'query ($since: ID!, $lists: [String!]) { changes(since: $since, lists: $lists, first: 50) { totalCount nodes { id nodeId kind list } } }';
    const without = await query(select, { since: versions[0] });
    const withLists = await query(select, { since: versions[0], lists: LISTS });
    expect(withLists.body.errors).toBeUndefined();
    expect(withLists.kv.roundTrips).toBe(without.kv.roundTrips);
    expect(withLists.kv.roundTrips).toBeLessThanOrEqual(3);
    // The blocks' moves keys come in the same bulk get, one per block; without lists none is read.
    expect(withLists.kv.keys).toBeGreaterThan(without.kv.keys);
    expect(withLists.kv.keys).toBeLessThanOrEqual(2 * without.kv.keys);
    expect(withLists.kv.bytes).toBeGreaterThan(without.kv.bytes);
  });

  it('pages through nodes and moves with cursors bound to the lists named', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const c = await changes({ since: versions[0], lists: LISTS, first: 3, after });
      seen.push(...c.nodes.map((n) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const whole = await changes({ since: versions[0], lists: LISTS, first: 50 });
    expect(seen).toEqual(whole.nodes.map((n) => n.id));
    const first = await changes({ since: versions[0], lists: LISTS, first: 3 });
    const other = await query(CHANGES, { since: versions[0], lists: ['latest'], first: 3, after: first.pageInfo.endCursor });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a list that is not one, naming the argument', async () => {
    const r = await query(CHANGES, { since: versions[0], lists: ['latest', 'planet:mars'] });
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lists' });
    expect(r.body.errors?.[0]?.message).toContain('"planet:mars" is not a list');
  });

  it('asks for a refetch of the lists across a full build, which records no moves', async () => {
    // A full build on a delta version knows no node changes either (no manifest to diff); one on a full build does.
    const before = (await buildAndPublish([...seedFiles(), ...generateCorpus(5, 17), story(1, 'w-kept', 'World')])).pointer.value.version;
    await buildAndPublish([...seedFiles(), ...generateCorpus(5, 17), story(1, 'w-kept', 'World'), story(6, 'w-full', 'World')]);
    const c = await changes({ since: before, lists: ['latest', 'section:world'], first: 50 });
    expect(c.refetchLists).toEqual(['latest', 'section:world']);
    expect(c.nodes.every((n) => n.list === null)).toBe(true);
    expect(c.totalCount).toBeGreaterThan(0);
  }, 60_000);
});

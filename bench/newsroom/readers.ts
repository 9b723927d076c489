/**
 * The readers of the newsroom's day: app screens asked of the warm worker (half by GET through
 * the edge cache, half by POST through the response memo), each checked against a fresh
 * execution at the same version (the bench worker's /__cold route, in a second workerd on the
 * same KV: new isolate state, every key read from KV). Counts what the goals are stated in: stale or wrong answers, hits
 * for screens a publish left unchanged, KV reads per request, and whether a publish was
 * visible on the first request after it.
 */
import { parseKvStats } from '../../src/store/kv-stats-header';
import type { Operation } from '../operations';

export interface Ask {
  /** Names the request: the same screen with the same variables. */
  key: string;
  operation: Operation;
  variables: Record<string, unknown>;
}

export interface ReaderTally {
  requests: number;
  /** Answers that differ from a fresh execution at their version. */
  wrong: number;
  examples: string[];
  /** Requests answered by the memo or the edge cache. */
  hits: number;
  /** Requests whose screen was asked at an older version and did not change since (search and type-ahead apart). */
  untouched: number;
  untouchedHits: number;
  /** The same for search and type-ahead, which any publish that changes articles recomputes (docs/publishing.md). */
  untouchedSearch: number;
  untouchedSearchHits: number;
  /** Unchanged screens answered anew, by operation: where kept answers are lost. */
  missedBy: Record<string, number>;
  /**
   * Why, by operation and method (bench/worker/kept-probe.ts): `absent` (evicted or never kept),
   * `changed` (a key it read was written since), `pinned`; and for `changed`, the families of the keys that broke it.
   */
  missedWhy: Record<string, number>;
  kvKeys: number;
  kvRoundTrips: number;
  /** Requests that named a version other than the newest published. */
  behind: number;
}

export const newTally = (): ReaderTally => ({ requests: 0, wrong: 0, examples: [], hits: 0, untouched: 0, untouchedHits: 0, untouchedSearch: 0, untouchedSearchHits: 0, missedBy: {}, missedWhy: {}, kvKeys: 0, kvRoundTrips: 0, behind: 0 });

/** What a screen last answered, and at which version. */
const seen = new Map<string, { version: string; text: string }>();

/** The family of a logical key, for the report: `l:articles`, `h:articles@person`, `e`, `a`, `s:gc`... */
const family = (logical: string) =>
  logical.startsWith('(') ? logical : logical.startsWith('s:') ? logical.split(':').slice(0, 2).join(':') : logical.replace(/^([a-z]):([^:@]*)(@[a-z]+)?.*$/, '$1:$2$3').replace(/^([aer]):.*/, '$1');

async function send(url: string, ask: Ask, method: 'GET' | 'POST') {
  const { query } = ask.operation;
  const variables = JSON.stringify(ask.variables);
  const response =
    method === 'GET'
      ? await fetch(`${url}?${new URLSearchParams({ query, variables })}`)
      : await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: ask.variables }) });
  return { text: await response.text(), headers: response.headers, status: response.status };
}

/** One screen asked as an app asks it, then checked; `newest` is the version the desk published last. */
export async function askScreen(base: { serving: string; checking: string; why?: boolean }, ask: Ask, method: 'GET' | 'POST', newest: string, tallies: ReaderTally[]): Promise<void> {
  // With --why: what the warm worker keeps for this request, looked at before it is sent (its allocations land in the serving isolate's heap).
  const probe = base.why ? (JSON.parse((await send(`${base.serving}/__probe/graphql`, ask, method)).text) as { state: string; changed?: string[] }) : { state: 'not probed' };
  const answer = await send(`${base.serving}/graphql`, ask, method);
  const truth = await send(`${base.checking}/__cold/graphql`, ask, 'POST');
  // Edge-cached GETs name their version; a POST is answered at the pointer it read (VERSION_CHECK_SECONDS=0: the newest).
  const version = answer.headers.get('x-data-version') ?? newest;
  const wrong = answer.status !== 200 || answer.text !== truth.text;
  const hit = answer.headers.get('x-memo') === 'HIT' || answer.headers.get('x-cache') === 'HIT';
  const before = seen.get(`${method} ${ask.key}`);
  const untouched = before !== undefined && before.version !== version && before.text === answer.text;
  seen.set(`${method} ${ask.key}`, { version, text: answer.text });
  const kv = parseKvStats(answer.headers.get('x-kv-stats'));
  for (const tally of tallies) {
    tally.requests += 1;
    if (version !== newest) tally.behind += 1;
    if (wrong && tally.examples.length < 5) tally.examples.push(`${ask.key} ${method} at ${version}: ${difference(answer.text, truth.text)}`);
    if (wrong) tally.wrong += 1;
    if (hit) tally.hits += 1;
    const searching = ask.operation.name === 'search' || ask.operation.name === 'type-ahead';
    if (untouched) tally[searching ? 'untouchedSearch' : 'untouched'] += 1;
    if (untouched && hit) tally[searching ? 'untouchedSearchHits' : 'untouchedHits'] += 1;
    const name = `${ask.operation.name} ${method}`;
    if (untouched && !hit) {
      tally.missedBy[name] = (tally.missedBy[name] ?? 0) + 1;
      const whys = probe.state === 'not probed' ? [] : [`${name} ${probe.state}`, ...new Set((probe.changed ?? []).map((k) => `${name} ${probe.state} ${family(k)}`))];
      for (const why of whys) tally.missedWhy[why] = (tally.missedWhy[why] ?? 0) + 1;
    }
    tally.kvKeys += kv.keys ?? 0;
    tally.kvRoundTrips += kv.roundTrips ?? 0;
  }
}

/** Where an answer first departs from the truth, with a little context. */
function difference(answer: string, truth: string): string {
  let i = 0;
  while (i < answer.length && answer[i] === truth[i]) i++;
  return `at character ${i}: …${answer.slice(Math.max(0, i - 60), i + 100)}… where a fresh execution says …${truth.slice(Math.max(0, i - 60), i + 100)}…`;
}

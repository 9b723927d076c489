/**
 * Apps that go away and come back: each stored the data version when it last synced, returns
 * after a number of publishes, and catches up with the shipped Changes operation (pages as large
 * as the query cost allows) as docs/publishing.md tells apps to. Measured against what the changed records alone
 * weigh: the same selection of the same nodes through `nodes(ids:)`, as sent (JSON) and as a
 * client that accepts gzip receives it. Also with each story as the feed's card (the node
 * selection of operations/latest-articles.graphql), the same Changes query otherwise, against the same.
 */
import { buildSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { COST_PRICING, LIMITS } from '../../src/limits';
import typeDefs from '../../src/graph/type-defs.gen';
import { queryCost } from '../../src/query-rules/query-cost';
import { nodeSelection } from '../../tools/operations/node-selection';

const operation = (file: string) => readFileSync(new URL(`../../operations/${file}.graphql`, import.meta.url), 'utf8');
const CHANGES = operation('changes');
/** The shipped operation's `node { ... }` selection: what each change carries of its node. */
const NODE_SELECTION = nodeSelection(CHANGES, 'nodes {');
const CARD_SELECTION = `{ __typename id ... on Article ${nodeSelection(operation('latest-articles'), 'edges {')} ... on Entity { slug name } }`;
const CARD_CHANGES = CHANGES.replace(NODE_SELECTION, CARD_SELECTION);
const records = (selection: string) => `query Records($ids: [ID!]!) { nodes(ids: $ids) ${selection} }`;
/** What `nodes(ids:)` takes at once (LIMITS.maxNodesIds). */
const IDS_PER_REQUEST = 100;
const schema = buildSchema(typeDefs);
/** The largest `first` the query cost allows this operation (at most the field's maximum): the fewest requests. */
export function largestPage(query: string): number {
  const document = parse(query);
  let page = LIMITS.maxChangesPageSize;
  while (page > 1 && queryCost(schema, document, undefined, { since: '0', first: page }, COST_PRICING) > LIMITS.maxCost) page -= 1;
  return page;
}

export interface SyncClient {
  since: string;
  /** Publishes it stays away for. */
  away: number;
  leftAt: number;
}

/** Bytes of the sync and of the same records fetched alone, as JSON and gzipped. */
export interface SyncBytes {
  bytes: number;
  recordBytes: number;
  gzipBytes: number;
  recordGzipBytes: number;
}

export interface SyncReturn extends SyncBytes {
  away: number;
  changes: number;
  requests: number;
  refresh: boolean;
  /** The same with each story as the feed's card. */
  card?: SyncBytes;
}

type Page = {
  data?: { changes: { version: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ nodeId?: string; node?: { id: string } | null }> } | null; dataVersion?: { id: string } };
  errors?: Array<{ extensions?: { code?: string } }>;
};

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { text, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
}

/** The page an operation asks when the app sends no `first`: its variable's default. */
const defaultFirst = (query: string): number => Number(/\$first: Int = (\d+)/.exec(query)?.[1] ?? LIMITS.defaultPageSize);

/**
 * Every page of a client's changes with `query`, then the same records fetched alone for the
 * yardstick. `page`: the `first` sent; without it, none (the operation's own default, as an app sends it).
 */
async function catchUp(url: string, since: string, query: string, selection: string, page?: number) {
  const ids = new Set<string>();
  let after: string | null = null;
  const sum = { requests: 0, bytes: 0, gzipBytes: 0, recordBytes: 0, recordGzipBytes: 0, changes: 0, page: page ?? defaultFirst(query) };
  let version: string;
  for (;;) {
    const answer = await post(url, query, { since, after, ...(page === undefined ? {} : { first: page }) });
    sum.requests += 1;
    sum.bytes += answer.bytes;
    sum.gzipBytes += answer.gzipBytes;
    const body = JSON.parse(answer.text) as Page;
    const changes = body.data?.changes;
    if (!changes) {
      const code = body.errors?.[0]?.extensions?.code;
      if (code !== 'SYNC_VERSION_TOO_OLD') throw new Error(`sync from ${since} failed: ${answer.text.slice(0, 300)}`);
      // The rest of the answer still answers: the app learns the version to refresh to.
      return { ...sum, ids, version: body.data?.dataVersion?.id ?? '', refresh: true, othersAnswered: body.data?.dataVersion?.id !== undefined };
    }
    sum.changes += changes.nodes.length;
    for (const n of changes.nodes) ids.add(n.nodeId ?? n.node!.id);
    version = changes.version;
    if (!changes.pageInfo.hasNextPage) break;
    after = changes.pageInfo.endCursor;
  }
  const all = [...ids];
  for (let i = 0; i < all.length; i += IDS_PER_REQUEST) {
    const alone = await post(url, records(selection), { ids: all.slice(i, i + IDS_PER_REQUEST) });
    sum.recordBytes += alone.bytes;
    sum.recordGzipBytes += alone.gzipBytes;
  }
  return { ...sum, ids, version, refresh: false, othersAnswered: true };
}

const side = ({ requests, page, bytes, recordBytes, gzipBytes, recordGzipBytes }: Awaited<ReturnType<typeof catchUp>>) => ({ requests, page, bytes, recordBytes, gzipBytes, recordGzipBytes });

/**
 * A return from `since`: the shipped operation as an app sends it (its own page size); for
 * comparison, the feed's cards at the largest page the query cost allows, and `before` (an
 * earlier text of the Changes operation) as it was sent.
 */
export async function syncReturn(url: string, since: string, before?: string) {
  const shipped = await catchUp(url, since, CHANGES, NODE_SELECTION);
  const card = await catchUp(url, since, CARD_CHANGES, CARD_SELECTION, largestPage(CARD_CHANGES));
  const earlier = before === undefined ? undefined : await catchUp(url, since, before, nodeSelection(before, 'nodes {'));
  const { changes, version, refresh, othersAnswered } = shipped;
  return { changes, version, refresh, othersAnswered, ...side(shipped), card: side(card), ...(earlier && { before: side(earlier) }) };
}

/** One client of the newsroom's day coming back. */
export async function resync(url: string, client: SyncClient, published: number): Promise<SyncReturn & { version: string }> {
  const { page: _p, othersAnswered: _o, card, before: _b, ...back } = await syncReturn(url, client.since);
  return { ...back, away: published - client.leftAt, card: { bytes: card.bytes, recordBytes: card.recordBytes, gzipBytes: card.gzipBytes, recordGzipBytes: card.recordGzipBytes } };
}

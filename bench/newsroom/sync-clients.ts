/**
 * Apps that go away and come back: each stored the data version when it last synced, returns
 * after a number of publishes, and catches up with the shipped Changes operation (pages of
 * 100) as docs/publishing.md tells apps to. Measured against what the changed records alone
 * weigh: the same selection of the same nodes through `nodes(ids:)`, as sent (JSON) and as a
 * client that accepts gzip receives it. Also with each story as the feed's card (the node
 * selection of operations/latest-articles.graphql), the same Changes query otherwise, against the same.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const operation = (file: string) => readFileSync(new URL(`../../operations/${file}.graphql`, import.meta.url), 'utf8');
/** The `{ ... }` selection of the first `node {` after `after` in an operation's text. */
function nodeSelection(text: string, after: string): string {
  const open = text.indexOf('{', text.indexOf('node {', text.indexOf(after)));
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
    if (depth === 0) return text.slice(open, i + 1);
  }
  throw new Error(`no node selection after ${after}`);
}
const CHANGES = operation('changes');
/** The shipped operation's `node { ... }` selection: what each change carries of its node. */
const NODE_SELECTION = nodeSelection(CHANGES, 'nodes {');
const CARD_SELECTION = `{ __typename id ... on Article ${nodeSelection(operation('latest-articles'), 'edges {')} ... on Entity { slug name } }`;
const CARD_CHANGES = CHANGES.replace(NODE_SELECTION, CARD_SELECTION);
const records = (selection: string) => `query Records($ids: [ID!]!) { nodes(ids: $ids) ${selection} }`;
/** What `nodes(ids:)` takes at once (LIMITS.maxNodesIds). */
const IDS_PER_REQUEST = 100;
/** The shipped operation's page size: what an app sends. */
const PAGE = 100;

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

type Page = { data?: { changes: { version: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ nodeId: string }> } | null } };

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { text, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
}

/** Every page of a client's changes with `query`, then the same records fetched alone for the yardstick. */
async function catchUp(url: string, client: SyncClient, query: string, selection: string) {
  const ids = new Set<string>();
  let after: string | null = null;
  const sum = { requests: 0, bytes: 0, gzipBytes: 0, recordBytes: 0, recordGzipBytes: 0 };
  let version = client.since;
  for (;;) {
    const answer = await post(url, query, { since: client.since, first: PAGE, after });
    sum.requests += 1;
    sum.bytes += answer.bytes;
    sum.gzipBytes += answer.gzipBytes;
    const changes = (JSON.parse(answer.text) as Page).data?.changes;
    if (!changes) return { ...sum, ids, version, refresh: true };
    for (const n of changes.nodes) ids.add(n.nodeId);
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
  return { ...sum, ids, version, refresh: false };
}

/** One client catching up with the shipped operation, and (for the figures) with the feed's cards. */
export async function resync(url: string, client: SyncClient, published: number): Promise<SyncReturn & { version: string }> {
  const shipped = await catchUp(url, client, CHANGES, NODE_SELECTION);
  const card = await catchUp(url, client, CARD_CHANGES, CARD_SELECTION);
  const { requests, bytes, recordBytes, gzipBytes, recordGzipBytes, ids, version, refresh } = shipped;
  return {
    away: published - client.leftAt, changes: refresh ? 0 : ids.size, requests, bytes, recordBytes, gzipBytes, recordGzipBytes, refresh, version,
    card: { bytes: card.bytes, recordBytes: card.recordBytes, gzipBytes: card.gzipBytes, recordGzipBytes: card.recordGzipBytes },
  };
}

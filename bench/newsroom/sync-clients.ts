/**
 * Apps that go away and come back: each stored the data version when it last synced, returns
 * after a number of publishes, and catches up with the shipped Changes operation (pages of
 * 500) as docs/publishing.md tells apps to. Measured against what the changed records alone
 * weigh: the same selection of the same nodes through `nodes(ids:)`.
 */
import { readFileSync } from 'node:fs';

const CHANGES = readFileSync(new URL('../../operations/changes.graphql', import.meta.url), 'utf8');
const RECORDS = `query Records($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Article { slug headline datePublished } ... on Entity { slug name } } }`;
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

export interface SyncReturn {
  away: number;
  changes: number;
  requests: number;
  bytes: number;
  recordBytes: number;
  refresh: boolean;
}

type Page = { data?: { changes: { version: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ nodeId: string }> } | null } };

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { text, bytes: Buffer.byteLength(text) };
}

/** One client catching up: every page of its changes, then the same records fetched alone for the yardstick. */
export async function resync(url: string, client: SyncClient, published: number): Promise<SyncReturn & { version: string }> {
  const ids = new Set<string>();
  let after: string | null = null;
  let requests = 0;
  let bytes = 0;
  let version = client.since;
  for (;;) {
    const answer = await post(url, CHANGES, { since: client.since, first: PAGE, after });
    requests += 1;
    bytes += answer.bytes;
    const changes = (JSON.parse(answer.text) as Page).data?.changes;
    if (!changes) return { away: published - client.leftAt, changes: 0, requests, bytes, recordBytes: 0, refresh: true, version };
    for (const n of changes.nodes) ids.add(n.nodeId);
    version = changes.version;
    if (!changes.pageInfo.hasNextPage) break;
    after = changes.pageInfo.endCursor;
  }
  let recordBytes = 0;
  const all = [...ids];
  for (let i = 0; i < all.length; i += IDS_PER_REQUEST) recordBytes += (await post(url, RECORDS, { ids: all.slice(i, i + IDS_PER_REQUEST) })).bytes;
  return { away: published - client.leftAt, changes: ids.size, requests, bytes, recordBytes, refresh: false, version };
}

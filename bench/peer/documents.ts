/**
 * The peer's data: every document of the data version the worker serves, held in memory as
 * a Node server would hold them (maps by slug, arrays in list order, the search postings),
 * read once at start-up from the worker's KV through the bench route /__bench/entries.
 * Only the stored values are reused, never the worker's KV layer (src/store/).
 */
import type { ArticleDoc, EntityDoc, ListChunk, ListItem, VersionPointer } from '../../src/model/documents';
import { POINTER_KEY, versionPrefix } from '../../src/model/keys';
import type { PostingShard, SearchDates, SuggestBucket } from '../../src/search/index-format';
import { decodePostingShard } from '../../src/search/posting-codec';

export interface PeerDocuments {
  pointer: VersionPointer;
  articles: Map<string, ArticleDoc>;
  entities: Map<string, EntityDoc>;
  /** Each stored list, whole, in its stored order: articles as full documents. */
  lists: Map<string, ListItem[]>;
  /** Every term's postings, decoded as the worker decodes a shard (src/search/posting-codec.ts). */
  postings: Map<string, Int32Array>;
  /** Article slug by search document number. */
  searchSlugs: string[];
  dates: SearchDates;
  suggest: Map<string, SuggestBucket>;
}

type EntriesPage = { entries: Array<{ key: string; value: string | null }>; cursor: string | null };

/** One page, retried: at 100,000 articles the peer reads 300,000 keys and workerd closes a connection now and then. */
async function entriesPage(address: string): Promise<EntriesPage> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(address);
      if (!response.ok) throw new Error(`reading the worker's KV: ${response.status} ${await response.text()}`);
      return (await response.json()) as EntriesPage;
    } catch (error) {
      if (attempt === 5) throw error;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

async function* storedEntries(url: string, prefix: string): AsyncGenerator<{ key: string; value: string }> {
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = await entriesPage(`${url}/__bench/entries?prefix=${encodeURIComponent(prefix)}&cursor=${encodeURIComponent(cursor)}`);
    for (const e of page.entries) if (e.value !== null) yield { key: e.key, value: e.value };
    cursor = page.cursor;
  }
}

/** Reads the current version's keys from the worker at `url` into memory. */
export async function loadDocuments(url: string): Promise<PeerDocuments> {
  const pointerPage = await fetch(`${url}/__bench/entries?prefix=${POINTER_KEY}`).then((r) => r.json() as Promise<{ entries: Array<{ key: string; value: string }> }>);
  const pointerEntry = pointerPage.entries.find((e) => e.key === POINTER_KEY);
  if (!pointerEntry) throw new Error('the worker has no data loaded (no pointer key)');
  const pointer = JSON.parse(pointerEntry.value) as VersionPointer;
  const prefix = versionPrefix(pointer.version);
  const docs: PeerDocuments = {
    pointer,
    articles: new Map(),
    entities: new Map(),
    lists: new Map(),
    postings: new Map(),
    searchSlugs: [],
    dates: [],
    suggest: new Map(),
  };
  const chunks = new Map<string, Array<{ index: number; items: ListItem[] }>>();
  for await (const { key, value } of storedEntries(url, prefix)) {
    const [kind, ...rest] = key.slice(prefix.length).split(':');
    const name = rest.join(':');
    const parsed: unknown = JSON.parse(value);
    if (kind === 'a') docs.articles.set(name, parsed as ArticleDoc);
    else if (kind === 'e') docs.entities.set(name, parsed as EntityDoc);
    else if (kind === 'l') {
      const cut = name.lastIndexOf(':');
      const list = name.slice(0, cut);
      chunks.set(list, [...(chunks.get(list) ?? []), { index: Number(name.slice(cut + 1)), items: (parsed as ListChunk).items }]);
    } else if (kind === 's') {
      const [part, id] = [rest[0], rest.slice(1).join(':')];
      if (part === 'p') {
        const shard = decodePostingShard(new TextEncoder().encode(value));
        for (const term of Object.keys(parsed as PostingShard)) docs.postings.set(term, shard.list(term)!);
      }
      else if (part === 'a') docs.searchSlugs[Number(id)] = (parsed as ArticleDoc).slug;
      else if (part === 't') docs.dates = parsed as SearchDates;
      else if (part === 'g') docs.suggest.set(id, parsed as SuggestBucket);
    }
  }
  // Lists hold article cards; the server holds one object per article, the full document.
  for (const [list, parts] of chunks) {
    const items = parts.sort((a, b) => a.index - b.index).flatMap((p) => p.items);
    docs.lists.set(list, items.map((item) => (item.type === 'Article' ? docs.articles.get(item.slug)! : docs.entities.get(item.slug)!)));
  }
  return docs;
}

/**
 * Resolvers of the Apollo peer: what a user would write for this schema over documents held
 * in memory. Relations are map lookups, lists are array slices (filters are array filters),
 * search runs the project's pure parse, rank and highlight code (src/search/) over the
 * postings in memory. Pagination and global IDs reuse src/model so that answers match byte
 * for byte; nothing here reads KV.
 */
import type { ArticleDoc, EntityDoc, EntityRef, EntityType, ListItem } from '../../src/model/documents';
import { ENTITY_KINDS } from '../../src/model/entity-kinds';
import { fromGlobalId, toGlobalId } from '../../src/model/global-id';
import { lists } from '../../src/model/keys';
import { pickLocalized } from '../../src/model/localized';
import { encodeListHint } from '../../src/model/list-layout';
import { encodeCursor, pageRange, parseConnectionArgs, type ConnectionArgs, type PageRange } from '../../src/model/page-range';
import { cursorKeyOf, sortKeyOf } from '../../src/model/sort-key';
import { highlights } from '../../src/search/highlights';
import { runSearch, type SearchIndexReads } from '../../src/search/run-search';
import { filterTerm, searchLayout } from '../../src/search/index-format';
import { parseQuery } from '../../src/search/parse-query';
import { checkDate } from '../../src/model/date-argument';
import { matchSuggestions, parsePrefix, prefixBuckets } from '../../src/search/suggest-match';
import type { PeerDocuments } from './documents';

type Lang = { language?: string | null };
type Filter = Record<string, string | null | undefined>;

/** A Relay connection of the edges of one page of `total` items. */
function page<E extends { cursor: string; node: unknown }>(edges: E[], range: PageRange, total: number) {
  const { hasNextPage, hasPreviousPage } = range;
  const [startCursor, endCursor] = [edges[0]?.cursor ?? null, edges.at(-1)?.cursor ?? null];
  return { edges, nodes: edges.map((e) => e.node), pageInfo: { hasNextPage, hasPreviousPage, startCursor, endCursor }, totalCount: total };
}

/** A page of an array; a cursor's item is found by its key (sort key and slug). */
function connection<T extends ListItem>(items: T[], args: ConnectionArgs) {
  const { first, last, after, before } = parseConnectionArgs(args);
  const at = (c: typeof after) => (c ? items.findIndex((item) => sortKeyOf(item) === c.key[0] && item.slug === c.key[1]) : -1);
  const range = pageRange(items.length, { first, last, start: after ? at(after) + 1 : undefined, end: before ? at(before) : undefined });
  return page(items.slice(range.start, range.end).map((node, i) => ({ cursor: encodeCursor(cursorKeyOf(node), encodeListHint(range.start + i, items.length)), node })), range, items.length);
}

export function peerResolvers(db: PeerDocuments) {
  const entity = (slug: string) => db.entities.get(slug) ?? null;
  const list = (name: string) => db.lists.get(name) ?? [];
  const about = (e: EntityDoc) => list(lists.articlesAbout(e as EntityRef));
  const inRange = (date: string, from?: string | null, to?: string | null) => (!from || date >= from) && (!to || date <= to);

  const entityFields = {
    id: (e: EntityDoc) => toGlobalId(e.type, e.slug),
    name: (e: EntityDoc, { language }: Lang) => pickLocalized(e.names, language, e.defaultLanguage)?.value ?? e.slug,
    description: (e: EntityDoc, { language }: Lang) => pickLocalized(e.descriptions, language, e.defaultLanguage)?.value ?? null,
    articles: (e: EntityDoc, args: ConnectionArgs) => connection(about(e), args),
  };
  const events = (e: EntityDoc, args: ConnectionArgs) => connection(list(lists.eventsWith(e as EntityRef)), args);
  const place = (slug?: string) => (slug ? entity(slug) : null);

  const articles = (_: unknown, args: ConnectionArgs & { filter?: Filter | null; orderBy?: { direction: string } | null }) => {
    const f = args.filter ?? {};
    const kinds = ENTITY_KINDS.filter((k) => f[k.filter] != null);
    let items: ListItem[] = kinds[0] ? list(lists.articlesAbout({ type: kinds[0].type, slug: f[kinds[0].filter]! }))
      : f.language != null ? list(lists.articlesInLanguage(f.language)) : list(lists.articles);
    const rest = kinds.slice(1);
    if (rest.length > 0 || f.publishedFrom || f.publishedTo || (kinds[0] && f.language != null)) {
      items = (items as ArticleDoc[]).filter((a) =>
        (f.language == null || a.language === f.language) && inRange(a.datePublished, f.publishedFrom, f.publishedTo) &&
        rest.every((k) => a[k.links].includes(f[k.filter]!)));
    }
    return connection(args.orderBy?.direction === 'ASC' ? [...items].reverse() : items, args);
  };

  // The project's own search, start to end (src/search/run-search.ts), over the index in memory.
  const index: SearchIndexReads = {
    documents: async () => ({ numbers: searchLayout(db.pointer).docs, live: db.pointer.articleCount }),
    postings: async (terms, withDates) => ({
      postings: new Map(terms.flatMap((t) => (db.postings.has(t) ? [[t, db.postings.get(t)!]] : []))),
      dates: withDates ? db.dates : null,
    }),
    articles: async (docs) => docs.map((d) => db.articles.get(db.searchSlugs[d] ?? '') ?? null),
  };
  async function search(_: unknown, args: { query: string; first?: number | null; after?: string | null; filter?: Filter | null }) {
    const f = args.filter ?? {};
    const { query, total, range, hits } = await runSearch(index, {
      query: parseQuery(args.query),
      page: parseConnectionArgs({ first: args.first, after: args.after }),
      filters: [
        ...(f.language != null ? [filterTerm('lang', f.language)] : []),
        ...(['Person', 'Event', 'Place'] as const).flatMap((type) => (f[type.toLowerCase()] != null ? [filterTerm(type, f[type.toLowerCase()]!)] : [])),
      ],
      from: checkDate(f.publishedFrom, 'filter.publishedFrom'),
      to: checkDate(f.publishedTo, 'filter.publishedTo'),
    });
    const edges = hits.map((hit, i) => {
      // The peer reads from memory: an article is there or the hit is not.
      const node = hit.article as ArticleDoc;
      return { cursor: encodeCursor([String(hit.score), String(hit.doc)], range.start + i), node, score: hit.score, highlights: highlights(node, query) };
    });
    return page(edges, range, total);
  }

  const byType = (type: EntityType) => (_: unknown, { slug }: { slug: string }) => (entity(slug)?.type === type ? entity(slug) : null);
  const resolveType = (value: { type: string }) => value.type;
  // Relay's node(id): the ID names the type, which the document must have (null otherwise).
  const byId = (id: string) => {
    const parsed = fromGlobalId(id);
    const doc = parsed === null ? null : parsed.type === 'Article' ? db.articles.get(parsed.slug) : entity(parsed.slug);
    return doc && doc.type === parsed!.type ? doc : null;
  };
  return {
    Query: {
      node: (_: unknown, { id }: { id: string }) => byId(id),
      nodes: (_: unknown, { ids }: { ids: string[] }) => ids.map(byId),
      article: (_: unknown, { slug }: { slug: string }) => db.articles.get(slug) ?? null,
      person: byType('Person'),
      event: byType('Event'),
      place: byType('Place'),
      organization: byType('Organization'),
      articles,
      people: (_: unknown, args: ConnectionArgs) => connection(list(lists.people), args),
      events: (_: unknown, args: ConnectionArgs) => connection(list(lists.events), args),
      dataVersion: () => ({ id: db.pointer.version, ...db.pointer }),
      search,
      suggest(_: unknown, args: { prefix: string; first?: number | null }) {
        const { words, first } = parsePrefix(args.prefix, args.first);
        if (words.length === 0 || first === 0) return [];
        const depth = db.pointer.search?.suggest;
        const buckets = new Map(prefixBuckets(words, depth).map((b) => [b, db.suggest.get(b)]));
        return matchSuggestions(words, buckets, first, depth).map((s) => entity(s.slug));
      },
    },
    Article: {
      id: (a: ArticleDoc) => toGlobalId('Article', a.slug),
      datelinePlace: (a: ArticleDoc) => place(a.datelinePlace),
      ...Object.fromEntries(ENTITY_KINDS.map((k) => [k.links, (a: ArticleDoc) => a[k.links].map(entity)])),
      paragraphs: (a: ArticleDoc) =>
        a.paragraphs.map((text, index) => ({ index, text, mentions: mentionsOf(a).filter((m) => m.paragraph === index) })),
      mentions: (a: ArticleDoc) => mentionsOf(a),
    },
    Person: { ...entityFields, events },
    Event: {
      ...entityFields,
      location: (e: EntityDoc & { location?: string }) => place(e.location),
      participants: (e: EntityDoc & { participants: EntityRef[] }) => e.participants.map((p) => entity(p.slug)),
    },
    Place: { ...entityFields, events, country: (e: EntityDoc & { country?: string }) => place(e.country) },
    Organization: { ...entityFields, country: (e: EntityDoc & { country?: string }) => place(e.country) },
    Node: { __resolveType: resolveType },
    Entity: { __resolveType: resolveType },
  };

  function mentionsOf(a: ArticleDoc) {
    return a.mentions.map(([paragraph, start, end, slug]) => ({
      paragraph,
      start,
      end,
      text: a.paragraphs[paragraph]!.slice(start, end),
      entity: entity(slug),
    }));
  }
}

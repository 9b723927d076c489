import type { ArticleCard, ArticleDoc, EntityDoc, EntityType, EventDoc, NodeType, PersonDoc } from '../../model/documents';
import { ARTICLE_URL_MAX, normalizeArticleUrl } from '../../model/article-url';
import { checkDateRange } from '../../model/date-argument';
import { InvalidArgument } from '../../model/domain-errors';
import { fromGlobalId } from '../../model/global-id';
import { lists } from '../../model/keys';
import type { GraphContext } from '../context';
import { selects } from '../selects';
import { readConnection, type ListQuery } from '../list-page';
import type { EventFilter, EventOrder, Maybe, QueryResolvers } from '../resolver-types.gen';
import { articleQuery } from '../article-query';
import { ref } from './refs';
import { loadAuthor } from './author';

const MAX_NODES = 100;

async function loadEntity(ctx: GraphContext, type: EntityType, slug: string): Promise<EntityDoc | null> {
  const doc = await ctx.reader.entity(slug);
  return doc?.type === type ? doc : null;
}

export const loadNode = (ctx: GraphContext, type: NodeType, slug: string) =>
  type === 'Article' ? ctx.reader.article(slug) : type === 'Author' ? loadAuthor(ctx, slug) : loadEntity(ctx, type, slug);


/** The article a link leads to: one read, of its normal form's key (src/model/keys.ts). */
function articleByUrl(ctx: GraphContext, url: string): Promise<ArticleDoc | null> {
  const normal = normalizeArticleUrl(url);
  if (normal === null) throw new InvalidArgument('`url` is not an absolute http(s) URL.', 'url');
  // Longer than the build lets any article's URL be (tools/data/article-file-format.ts): no read.
  if (normal.length > ARTICLE_URL_MAX) return Promise.resolve(null);
  return ctx.reader.articleByUrl(normal);
}

const entityBySlug = (type: EntityType) => (_: unknown, { slug }: { slug: string }, ctx: GraphContext) =>
  loadEntity(ctx, type, slug);

function eventQuery(filter: Maybe<EventFilter> | undefined, orderBy: Maybe<EventOrder> | undefined): ListQuery {
  const f = filter ?? {};
  const { from, to } = checkDateRange(f.startFrom, f.startTo, ['filter.startFrom', 'filter.startTo']);
  const reverse = orderBy?.direction === 'DESC';
  const list =
    f.person != null ? lists.eventsWith(ref('Person', f.person))
    : f.place != null ? lists.eventsWith(ref('Place', f.place))
    : lists.events;
  const needsPlace = f.person != null && f.place != null;
  const where =
    f.status != null || needsPlace
      ? (item: unknown) => {
          const e = item as EventDoc;
          return (f.status == null || e.status === f.status) && (!needsPlace || e.location === f.place);
        }
      : undefined;
  return { list, from, to, reverse, where };
}

export const Query = {
  node(_, { id }, ctx) {
    const parsed = fromGlobalId(id);
    if (!parsed) throw new InvalidArgument('`id` is not an ID this API issued.', 'id');
    return loadNode(ctx, parsed.type, parsed.slug);
  },
  nodes(_, { ids }, ctx) {
    if (ids.length > MAX_NODES) throw new InvalidArgument(`\`ids\` takes at most ${MAX_NODES} IDs; it had ${ids.length}.`, 'ids');
    const parsed = ids.map((id) => fromGlobalId(id));
    if (parsed.some((p) => p === null)) throw new InvalidArgument('`ids` holds an ID this API did not issue.', 'ids');
    // A list of promises, not one promise: graphql-js completes each item on its own, so an
    // ID whose read fails is an error at its index and the others still answer.
    return parsed.map((p) => loadNode(ctx, p!.type, p!.slug)) as unknown as Array<ArticleCard | EntityDoc | null>;
  },
  // When the query asks for the article's related stories, their key is asked for in the same
  // round trip as the article: the slug is all the key needs.
  async article(_, { slug, url }, ctx, info) {
    if ((slug == null) === (url == null)) throw new InvalidArgument('`article` takes exactly one of `slug` and `url`.', slug == null ? 'slug' : 'url');
    const related = selects(info.fieldNodes, 'related');
    if (slug == null) {
      const doc = await articleByUrl(ctx, url!);
      // Asked for with the next level's reads (the article's entities), as a slug's is with the article.
      if (doc && related) void ctx.reader.related(doc.slug).catch(() => undefined);
      return doc;
    }
    if (related) void ctx.reader.related(slug).catch(() => undefined);
    return ctx.reader.article(slug);
  },
  person: entityBySlug('Person'),
  event: entityBySlug('Event'),
  place: entityBySlug('Place'),
  organization: entityBySlug('Organization'),
  articles: (_, args, ctx) => readConnection<ArticleCard>(ctx.reader, articleQuery(args.filter, args.orderBy), args),
  people: (_, args, ctx) => readConnection<PersonDoc>(ctx.reader, { list: lists.people }, args),
  events: (_, args, ctx) => readConnection<EventDoc>(ctx.reader, eventQuery(args.filter, args.orderBy), args),
  async dataVersion(_, __, ctx) {
    const p = await ctx.reader.dataVersion();
    return { id: p.version, builtAt: p.builtAt, articleCount: p.articleCount, entityCount: p.entityCount };
  },
} satisfies QueryResolvers;

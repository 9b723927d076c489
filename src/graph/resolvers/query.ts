import type { ArticleCard, EventDoc, NodeType } from '../../model/documents';
import { ENTITY_KINDS, type EntityKind } from '../../model/entity-kinds';
import { fromGlobalId } from '../../model/global-id';
import { lists } from '../../model/keys';
import type { ConnectionArgs } from '../../model/page-range';
import { InvalidArgument } from '../../model/domain-errors';
import type { GraphContext } from '../context';
import { readConnection, type ListQuery } from '../list-page';
import { ref } from './refs';

const MAX_NODES = 100;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function checkDate(value: string | null | undefined, argument: string): string | undefined {
  if (value == null) return undefined;
  if (!DATE.test(value)) throw new InvalidArgument(`\`${argument}\` must be a date as YYYY-MM-DD; it was "${value}".`, argument);
  return value;
}

async function loadNode(ctx: GraphContext, type: NodeType, slug: string) {
  if (type === 'Article') return ctx.reader.article(slug);
  const doc = await ctx.reader.entity(slug);
  return doc?.type === type ? doc : null;
}

async function nodeById(ctx: GraphContext, id: string, argument: string) {
  const parsed = fromGlobalId(id);
  if (!parsed) throw new InvalidArgument(`\`${argument}\` is not an ID this API issued.`, argument);
  return loadNode(ctx, parsed.type, parsed.slug);
}

const bySlug = (type: NodeType) => (_: unknown, { slug }: { slug: string }, ctx: GraphContext) =>
  loadNode(ctx, type, slug);

interface ArticleFilter {
  language?: string | null;
  person?: string | null;
  event?: string | null;
  place?: string | null;
  organization?: string | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
}
type Order = { direction: 'ASC' | 'DESC' } | null | undefined;

/**
 * Articles are stored newest first in one list per language and per entity. The first entity
 * filter picks the list; the other filters are checked item by item (a scan).
 */
function articleQuery(filter: ArticleFilter | null | undefined, orderBy: Order): ListQuery {
  const f = filter ?? {};
  const entities = ENTITY_KINDS.flatMap((k) => (f[k.filter] != null ? [[k, f[k.filter]!] as const] : []));
  const from = checkDate(f.publishedFrom, 'filter.publishedFrom');
  const to = checkDate(f.publishedTo, 'filter.publishedTo');
  const reverse = orderBy?.direction === 'ASC';
  const [base, ...rest] = entities;
  if (!base) {
    const list = f.language != null ? lists.articlesInLanguage(f.language) : lists.articles;
    return { list, from, to, reverse };
  }
  const links = (card: ArticleCard, [kind, slug]: readonly [EntityKind, string]) => card[kind.links].includes(slug);
  const needsScan = rest.length > 0 || f.language != null;
  return {
    list: lists.articlesAbout(ref(base[0].type, base[1])),
    from,
    to,
    reverse,
    where: needsScan
      ? (item) => {
          const card = item as ArticleCard;
          return (f.language == null || card.language === f.language) && rest.every((e) => links(card, e));
        }
      : undefined,
  };
}

interface EventFilter {
  person?: string | null;
  place?: string | null;
  status?: EventDoc['status'] | null;
  startFrom?: string | null;
  startTo?: string | null;
}

function eventQuery(filter: EventFilter | null | undefined, orderBy: Order): ListQuery {
  const f = filter ?? {};
  const from = checkDate(f.startFrom, 'filter.startFrom');
  const to = checkDate(f.startTo, 'filter.startTo');
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
  node: (_: unknown, { id }: { id: string }, ctx: GraphContext) => nodeById(ctx, id, 'id'),
  nodes(_: unknown, { ids }: { ids: string[] }, ctx: GraphContext) {
    if (ids.length > MAX_NODES) throw new InvalidArgument(`\`ids\` takes at most ${MAX_NODES} IDs; it had ${ids.length}.`, 'ids');
    const parsed = ids.map((id) => fromGlobalId(id));
    if (parsed.some((p) => p === null)) throw new InvalidArgument('`ids` holds an ID this API did not issue.', 'ids');
    return parsed.map((p) => loadNode(ctx, p!.type, p!.slug));
  },
  article: bySlug('Article'),
  person: bySlug('Person'),
  event: bySlug('Event'),
  place: bySlug('Place'),
  organization: bySlug('Organization'),
  articles: (
    _: unknown,
    args: ConnectionArgs & { filter?: ArticleFilter | null; orderBy?: Order },
    ctx: GraphContext,
  ) => readConnection(ctx.reader, articleQuery(args.filter, args.orderBy), args),
  people: (_: unknown, args: ConnectionArgs, ctx: GraphContext) =>
    readConnection(ctx.reader, { list: lists.people }, args),
  events: (
    _: unknown,
    args: ConnectionArgs & { filter?: EventFilter | null; orderBy?: Order },
    ctx: GraphContext,
  ) => readConnection(ctx.reader, eventQuery(args.filter, args.orderBy), args),
  async dataVersion(_: unknown, __: unknown, ctx: GraphContext) {
    const p = await ctx.reader.pointer();
    return { id: p.version, builtAt: p.builtAt, articleCount: p.articleCount, entityCount: p.entityCount };
  },
};

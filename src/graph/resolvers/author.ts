import type { ArticleCard } from '../../model/documents';
import { authorSlug, slugify } from '../../model/author-identity';
import type { AuthorRecord } from '../../model/author-record';
import { toGlobalId } from '../../model/global-id';
import { lists } from '../../model/keys';
import { pickLocalized } from '../../model/localized';
import type { GraphContext } from '../context';
import { prefetchListOf, readConnection } from '../list-page';
import type { AuthorResolvers, QueryResolvers } from '../resolver-types.gen';
import { ref, type AuthorParent } from './refs';

/**
 * Authors: a byline (an article's `authors`, no read) or the author's record (its page, `node`).
 * What only the record knows (names in other languages, `sameAs`) is read from it, one key per
 * author, shared by every byline of the request that names the same author.
 */

const isRecord = (a: AuthorParent): a is AuthorRecord => 'type' in a && a.type === 'Author';
const slugOf = (a: AuthorParent) => (isRecord(a) ? a.slug : authorSlug(a));

async function recordOf(a: AuthorParent, ctx: GraphContext): Promise<AuthorRecord | null> {
  return isRecord(a) ? a : ctx.reader.author(authorSlug(a));
}

/** The author page: the record, the list's head and first leaf, in one round trip. */
export async function loadAuthor(ctx: GraphContext, slug: string, fieldNodes: Parameters<typeof prefetchListOf>[2] = []): Promise<AuthorRecord | null> {
  const key = slugify(slug);
  if (key === '') return null;
  const [record] = await Promise.all([ctx.reader.author(key), prefetchListOf(ctx.reader, lists.articlesBy(key), fieldNodes).catch(() => null)]);
  return record;
}

export const AuthorQuery = {
  author: (_, { slug }, ctx, info) => loadAuthor(ctx, slug, info.fieldNodes),
} satisfies QueryResolvers;

export const Author = {
  id: (a) => toGlobalId('Author', slugOf(a)),
  slug: (a) => slugOf(a),
  async name(a, { language }, ctx) {
    if (language == null) return a.name;
    const record = await recordOf(a, ctx);
    return (record && pickLocalized(record.names, language, record.language)?.value) ?? a.name;
  },
  names: async (a, _, ctx) => (await recordOf(a, ctx))?.names ?? a.names ?? [],
  url: (a) => a.url ?? null,
  sameAs: async (a, _, ctx) => (await recordOf(a, ctx))?.sameAs ?? a.sameAs ?? [],
  person: (a) => (a.person ? ref('Person', a.person) : null),
  articleCount: async (a, _, ctx) => (await ctx.reader.listHead(lists.articlesBy(slugOf(a))))?.total ?? 0,
  articles: (a, args, ctx) => readConnection<ArticleCard>(ctx.reader, { list: lists.articlesBy(slugOf(a)) }, args),
} satisfies AuthorResolvers;

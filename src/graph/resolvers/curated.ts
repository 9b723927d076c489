import type { ArticleDoc } from '../../model/documents';
import { splitCuratedKey, TOP_STORIES } from '../../model/curated';
import { InvalidArgument } from '../../model/domain-errors';
import { sectionKey } from '../../model/topic-keys';
import type { GraphContext } from '../context';
import type { QueryResolvers } from '../resolver-types.gen';

/**
 * Curated lists (src/model/curated.ts): the file's one key, then its articles in one batch,
 * pointer + 2 round trips cold. A slug the build accepted may name a story withdrawn since: left out.
 */
async function curatedArticles(ctx: GraphContext, name: string, entry: string): Promise<Array<Promise<ArticleDoc | null>> | null> {
  const slugs = (await ctx.reader.curated(name))?.lists[entry];
  if (!slugs) return null;
  const reads = slugs.map((slug) => ctx.reader.article(slug));
  const settled = await Promise.allSettled(reads);
  // Withdrawn stories are left out; an unreadable one stays as its failed read, so its error lands on its item alone.
  return reads.filter((_, i) => settled[i]!.status === 'rejected' || (settled[i] as PromiseFulfilledResult<ArticleDoc | null>).value !== null);
}

export const CuratedQuery = {
  async curatedList(_, { key }, ctx) {
    const split = splitCuratedKey(key);
    if (!split) throw new InvalidArgument('`key` is `<name>:<entry>`, such as `top-stories:world`.', 'key');
    const entry = sectionKey(split.entry);
    const articles = await curatedArticles(ctx, split.name, entry);
    // A list of promises, not one promise: graphql-js completes each item on its own (as `nodes` does).
    return articles && { key: `${split.name}:${entry}`, name: split.name, entry, articles: articles as unknown as ArticleDoc[] };
  },
} satisfies QueryResolvers;

/** A section's top stories: its entry in the `top-stories` file of data/curated/<name>.json. */
export const topStories = async (section: { key: string }, _: unknown, ctx: GraphContext) =>
  ((await curatedArticles(ctx, TOP_STORIES, section.key)) ?? []) as unknown as ArticleDoc[];

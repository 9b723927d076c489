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
async function curatedArticles(ctx: GraphContext, name: string, entry: string): Promise<ArticleDoc[] | null> {
  const slugs = (await ctx.reader.curated(name))?.lists[entry];
  if (!slugs) return null;
  const docs = await Promise.all(slugs.map((slug) => ctx.reader.article(slug)));
  return docs.filter((d): d is ArticleDoc => d !== null);
}

export const CuratedQuery = {
  async curatedList(_, { key }, ctx) {
    const split = splitCuratedKey(key);
    if (!split) throw new InvalidArgument('`key` is `<name>:<entry>`, such as `top-stories:world`.', 'key');
    const entry = sectionKey(split.entry);
    const articles = await curatedArticles(ctx, split.name, entry);
    return articles && { key: `${split.name}:${entry}`, name: split.name, entry, articles };
  },
} satisfies QueryResolvers;

/** A section's top stories: its entry in data/curated/top-stories.json. */
export const topStories = async (section: { key: string }, _: unknown, ctx: GraphContext): Promise<ArticleDoc[]> =>
  (await curatedArticles(ctx, TOP_STORIES, section.key)) ?? [];

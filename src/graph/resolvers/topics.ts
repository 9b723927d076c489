import type { ArticleCard } from '../../model/documents';
import { InvalidArgument } from '../../model/domain-errors';
import { lists } from '../../model/keys';
import { sectionKey, subjectHandle, subjectKey } from '../../model/topic-keys';
import type { TopicEntry, TopicKind } from '../../model/topic-listing';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context';
import { prefetchListOf, readConnection } from '../list-page';
import type { QueryResolvers, SectionResolvers, SubjectResolvers } from '../resolver-types.gen';
import type { SubjectParent } from './refs';

/**
 * Sections and subjects: the listings the build writes (one key each, src/model/topic-listing.ts)
 * and a list of articles per handle (src/model/topic-keys.ts). A section or subject page reads
 * its listing and its list's first page in the same round trip: the list's keys need only the
 * handle, which the argument gives.
 */

const isEntry = (s: SubjectParent): s is TopicEntry => 'count' in s;
const keyOf = (s: SubjectParent) => (isEntry(s) ? s.key : subjectKey(s));

const SUBJECTS_MAX = 100;
const SUBJECTS_DEFAULT = 20;

async function entryOf(ctx: GraphContext, kind: TopicKind, key: string): Promise<TopicEntry | null> {
  return (await ctx.reader.topicListing(kind))?.entries.find((e) => e.key === key) ?? null;
}

/**
 * A handle past the kept listing still has its list: its size is the count, its key the name.
 * A page that shows the articles gets their first leaf (src/model/list-layout.ts) in the same
 * round trip as the listing and the list's head.
 */
async function topicByKey(ctx: GraphContext, kind: TopicKind, key: string, list: string, info: GraphQLResolveInfo): Promise<TopicEntry | null> {
  const [entry, head] = await Promise.all([entryOf(ctx, kind, key), prefetchListOf(ctx.reader, list, info.fieldNodes)]);
  if (entry) return entry;
  if (!head || head.total === 0) return null;
  return { key, name: key.replace(/^tag:/, ''), names: [], count: head.total };
}

export const TopicsQuery = {
  sections: async (_, __, ctx) => (await ctx.reader.topicListing('sections'))?.entries ?? [],
  section: (_, { key }, ctx, info) => {
    const normal = sectionKey(key);
    return topicByKey(ctx, 'sections', normal, lists.articlesInSection(normal), info);
  },
  async subjects(_, { first }, ctx) {
    const size = first ?? SUBJECTS_DEFAULT;
    if (size < 0 || size > SUBJECTS_MAX) throw new InvalidArgument(`\`first\` must be between 0 and ${SUBJECTS_MAX}; it was ${size}.`, 'first');
    return ((await ctx.reader.topicListing('subjects'))?.entries ?? []).slice(0, size);
  },
  subject: (_, { key }, ctx, info) => {
    const handle = subjectHandle(key);
    return topicByKey(ctx, 'subjects', handle, lists.articlesOnSubject(handle), info);
  },
} satisfies QueryResolvers;

export const Section = {
  articleCount: (s) => s.count,
  articles: (s, args, ctx) => readConnection<ArticleCard>(ctx.reader, { list: lists.articlesInSection(s.key) }, args),
} satisfies SectionResolvers;

export const Subject = {
  key: (s) => keyOf(s),
  code: (s) => (isEntry(s) ? (s.key.startsWith('tag:') ? null : s.key) : (s.code ?? null)),
  uri: (s) => (isEntry(s) ? null : (s.uri ?? null)),
  // An article's subject takes its names from the listing (one key, read once per request).
  names: async (s, _, ctx) => (isEntry(s) ? s.names : ((await entryOf(ctx, 'subjects', keyOf(s)))?.names ?? [])),
  async articleCount(s, _, ctx) {
    if (isEntry(s)) return s.count;
    return (await ctx.reader.listHead(lists.articlesOnSubject(keyOf(s))))?.total ?? 0;
  },
  articles: (s, args, ctx) => readConnection<ArticleCard>(ctx.reader, { list: lists.articlesOnSubject(keyOf(s)) }, args),
} satisfies SubjectResolvers;

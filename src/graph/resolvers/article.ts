import type { ArticleDoc } from '../../model/documents';
import { toGlobalId } from '../../model/global-id';
import { RELATED_MAX } from '../../model/keys';
import { badUserInput } from '../../errors';
import type { GraphContext } from '../context';
import { entityTypes, fullArticle, ref, type ArticleParent } from './refs';

interface MentionValue {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  entity: ReturnType<typeof ref>;
}

function mentionsOf(doc: ArticleDoc): MentionValue[] {
  const types = entityTypes(doc);
  return doc.mentions.map(([paragraph, start, end, slug]) => ({
    paragraph,
    start,
    end,
    text: doc.paragraphs[paragraph]!.slice(start, end),
    entity: ref(types.get(slug) ?? 'Person', slug),
  }));
}

export const Article = {
  id: (a: ArticleParent) => toGlobalId('Article', a.slug),
  datelinePlace: (a: ArticleParent) => (a.datelinePlace ? ref('Place', a.datelinePlace) : null),
  people: (a: ArticleParent) => a.people.map((slug) => ref('Person', slug)),
  events: (a: ArticleParent) => a.events.map((slug) => ref('Event', slug)),
  places: (a: ArticleParent) => a.places.map((slug) => ref('Place', slug)),
  organizations: (a: ArticleParent) => a.organizations.map((slug) => ref('Organization', slug)),
  async paragraphs(a: ArticleParent, _: unknown, ctx: GraphContext) {
    const doc = await fullArticle(a, ctx);
    const mentions = mentionsOf(doc);
    return doc.paragraphs.map((text, index) => ({
      index,
      text,
      mentions: mentions.filter((m) => m.paragraph === index),
    }));
  },
  /** One read of the list the build ranked (tools/build/related.ts); cards, like a list page. */
  async related(a: ArticleParent, { first }: { first?: number | null }, ctx: GraphContext) {
    const size = first ?? 5;
    if (size < 0 || size > RELATED_MAX) {
      throw badUserInput(`\`first\` must be between 0 and ${RELATED_MAX}; it was ${size}.`, 'first');
    }
    if (size === 0) return [];
    return ((await ctx.reader.related(a.slug)) ?? []).slice(0, size);
  },
  async mentions(a: ArticleParent, _: unknown, ctx: GraphContext) {
    return mentionsOf(await fullArticle(a, ctx));
  },
};

import type { ArticleDoc } from '../../model/documents';
import { toGlobalId } from '../../model/global-id';
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
  async mentions(a: ArticleParent, _: unknown, ctx: GraphContext) {
    return mentionsOf(await fullArticle(a, ctx));
  },
};

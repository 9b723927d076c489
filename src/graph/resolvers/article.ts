import type { ArticleDoc, AuthorDoc, TranslationDoc } from '../../model/documents';
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
  // What only the article's own document holds: read it when the parent is a list card.
  // Documents built before these fields existed lack them: an empty list, not an error.
  authors: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).authors ?? [],
  images: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).images ?? [],
  subjects: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).subjects ?? [],
  copyright: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).copyright ?? null,
  origin: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).origin ?? null,
  translations: async (a: ArticleParent, _: unknown, ctx: GraphContext) =>
    (await fullArticle(a, ctx)).translations ?? [],
};

export const Author = {
  person: (a: AuthorDoc) => (a.person ? ref('Person', a.person) : null),
};

export const Translation = {
  /** Null when the translation is not in this data version (it may be on the publisher's site only). */
  article: (t: TranslationDoc, _: unknown, ctx: GraphContext) => (t.slug ? ctx.reader.article(t.slug) : null),
};

import type { ArticleDoc, EntityRef, TranslationDoc } from '../../model/documents';
import { toGlobalId } from '../../model/global-id';
import { InvalidArgument } from '../../model/domain-errors';
import { RELATED_MAX } from '../../model/keys';
import { ENTITY_KINDS, linkedSlugs, linkedTypes, type EntityLinks } from '../../model/entity-kinds';
import { bodyBlocks, type BlockValue } from '../../model/body-blocks';
import { articleToJsonLd } from '../../formats/json-ld';
import { articleToNinjs } from '../../formats/ninjs';
import type { GraphContext } from '../context';
import type { ArticleResolvers } from '../resolver-types.gen';
import { fullArticle, ref, type ArticleParent } from './refs';
import { normalDateTime } from '../../model/date-time';
import { modifiedKey } from '../../model/sort-key';

interface MentionValue {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  entity: EntityRef;
}

function mentionsOf(doc: ArticleDoc): MentionValue[] {
  const types = linkedTypes(doc);
  return doc.mentions.map(([paragraph, start, end, slug]) => ({
    paragraph,
    start,
    end,
    text: doc.paragraphs[paragraph]!.slice(start, end),
    entity: ref(types.get(slug) ?? 'Person', slug),
  }));
}

/** people, events, places, organizations: the linked entities of each kind, as refs. */
function linkResolvers() {
  return Object.fromEntries(
    ENTITY_KINDS.map((k) => [k.links, (a: ArticleParent) => a[k.links].map((slug) => ref(k.type, slug))]),
  ) as Record<EntityLinks, (a: ArticleParent) => EntityRef[]>;
}

export const Article = {
  id: (a: ArticleParent) => toGlobalId('Article', a.slug),
  urgency: (a: ArticleParent) => a.urgency ?? null,
  breaking: (a: ArticleParent) => a.breaking === true,
  datePublishedAt: (a: ArticleParent) => (a.datePublishedTime === undefined ? null : normalDateTime(a.datePublishedTime)),
  // The key the modified list sorts by, when it is an instant (a date alone is 10 characters).
  dateModifiedAt: (a: ArticleParent) => {
    const key = modifiedKey(a);
    return key.length > 10 ? key : null;
  },
  datelinePlace: (a: ArticleParent) => (a.datelinePlace ? ref('Place', a.datelinePlace) : null),
  ...linkResolvers(),
  async paragraphs(a: ArticleParent, _: unknown, ctx: GraphContext) {
    const doc = await fullArticle(a, ctx);
    const mentions = mentionsOf(doc);
    return doc.paragraphs.map((text, index) => ({
      index,
      text,
      mentions: mentions.filter((m) => m.paragraph === index),
    }));
  },
  // From the article's document: no read beyond the one `paragraphs` makes. An unreadable block
  // is an Error item, which execution (graphql-js and the compiled executor) completes as that item's error.
  body: async (a: ArticleParent, _: unknown, ctx: GraphContext) => bodyBlocks(await fullArticle(a, ctx)) as BlockValue[],
  /** One read of the list the build ranked (tools/compile/related.ts); cards, like a list page. */
  async related(a: ArticleParent, { first }: { first?: number | null }, ctx: GraphContext) {
    const size = first ?? 5;
    if (size < 0 || size > RELATED_MAX) {
      throw new InvalidArgument(`\`first\` must be between 0 and ${RELATED_MAX}; it was ${size}.`, 'first');
    }
    if (size === 0) return [];
    return ((await ctx.reader.related(a.slug)) ?? []).slice(0, size);
  },
  async mentions(a: ArticleParent, _: unknown, ctx: GraphContext) {
    return mentionsOf(await fullArticle(a, ctx));
  },
  // Cards carry authors and subjects when there are any (tools/compile/article-lists.ts): no read.
  authors: (a: ArticleParent) => a.authors ?? [],
  subjects: (a: ArticleParent) => a.subjects ?? [],
  // What only the article's own document holds: read it when the parent is a list card.
  // Documents built before these fields existed lack them: an empty list, not an error.
  images: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).images ?? [],
  // A card carries its lead picture (null when none); only a card built before cards did is read.
  leadImage: async (a: ArticleParent, _: unknown, ctx: GraphContext) =>
    'paragraphs' in a || a.image === undefined ? ((await fullArticle(a, ctx)).images ?? [])[0] ?? null : a.image,
  copyright: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).copyright ?? null,
  origin: async (a: ArticleParent, _: unknown, ctx: GraphContext) => (await fullArticle(a, ctx)).origin ?? null,
  translations: async (a: ArticleParent, _: unknown, ctx: GraphContext) =>
    (await fullArticle(a, ctx)).translations ?? [],
  ninjs: (a: ArticleParent, _: unknown, ctx: GraphContext) => inFormat(articleToNinjs, a, ctx),
  jsonLd: (a: ArticleParent, _: unknown, ctx: GraphContext) => inFormat(articleToJsonLd, a, ctx),
} satisfies ArticleResolvers;

/** The article in a format out (src/formats/): its document and its linked entities' documents. */
async function inFormat(format: typeof articleToNinjs, a: ArticleParent, ctx: GraphContext) {
  const doc = await fullArticle(a, ctx);
  return format(doc, await ctx.reader.entities(linkedSlugs(doc)), { origin: ctx.origin });
}

export const Translation = {
  /** Null when the translation is not in this data version (it may be on the publisher's site only). */
  article: (t: TranslationDoc, _: unknown, ctx: GraphContext) => (t.slug ? ctx.reader.article(t.slug) : null),
};

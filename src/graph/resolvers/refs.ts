import type { MoveKind } from '../../model/list-moves';
import type { ChangeTuple } from '../../model/changes';
import type { ArticleCard, ArticleDoc, AuthorDoc, EntityDoc, EntityRef, EntityType, NodeType, SubjectDoc } from '../../model/documents';
import type { TopicEntry } from '../../model/topic-listing';
import type { AuthorRecord } from '../../model/author-record';
import { DataUnavailable } from '../../model/domain-errors';
import type { GraphContext } from '../context';

/**
 * Resolvers pass entities on as refs ({type, slug}) and load a document only in the field
 * that needs it: then every document that one level of the query needs is asked for in the
 * same pass, and the store fetches them in one round trip.
 */
export type EntityParent = EntityRef | EntityDoc;
export type ArticleParent = ArticleCard | ArticleDoc;
/** An article's own subject (its name, code, uri), or a listing's entry (src/model/topic-listing.ts). */
export type SubjectParent = SubjectDoc | TopicEntry;

/** A byline as an article holds it, or an author's record (its page, `node`). */
export type AuthorParent = AuthorDoc | AuthorRecord;

/** A change as resolvers pass it on: its fields, and the slug `node` loads it by. */
export interface ChangeParent {
  id: string;
  nodeId: string;
  type: NodeType;
  slug: string;
  kind: ChangeTuple[2] | MoveKind;
  /** For ENTERED and LEFT: the list, as the app named it. */
  list?: string;
}

export const ref = (type: EntityType, slug: string): EntityRef => ({ type, slug });

export async function entityDoc<T extends EntityDoc>(parent: EntityParent, ctx: GraphContext): Promise<T> {
  if ('names' in parent) return parent as T;
  const doc = await ctx.reader.entity(parent.slug);
  if (!doc || doc.type !== parent.type) {
    throw new DataUnavailable(`${parent.type} ${parent.slug} is referenced but missing from the data.`);
  }
  return doc as T;
}

/** The article with its body, reading it when the parent is a list card. */
export async function fullArticle(parent: ArticleParent, ctx: GraphContext): Promise<ArticleDoc> {
  if ('paragraphs' in parent) return parent;
  const doc = await ctx.reader.article(parent.slug);
  if (!doc) throw new DataUnavailable(`Article ${parent.slug} is listed but missing from the data.`);
  return doc;
}

/**
 * The documents the build step writes to KV and the worker reads back.
 * They are the data files after validation, with every cross-reference resolved and the
 * derived data (mentions, word counts, relation lists) computed once, at build time.
 * One concept a file: entities (entity-docs.ts), articles (article-docs.ts), ordered lists
 * (list-docs.ts) and the data-version pointer (version-pointer.ts).
 */

export type { EntityType, NodeType } from './entity-kinds';
export type { EntityDoc, EntityRef, EventDoc, LocalizedText, OrganizationDoc, PersonDoc, PlaceDoc } from './entity-docs';
export type {
  ArticleCard,
  ArticleDoc,
  AuthorDoc,
  ImageDoc,
  ImageFileDoc,
  MentionTuple,
  OriginDoc,
  SourceFormat,
  SubjectDoc,
  TranslationDoc,
} from './article-docs';
export type { LeafEntry, ListChunk, ListHead, ListIndex, ListItem } from './list-docs';
export type { Generation, LevelOneRef, SearchPointer, VersionPointer } from './version-pointer';

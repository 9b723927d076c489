import typeDefs from './type-defs.gen';
import { executableSchema } from './attach-resolvers';
import type { CompleteResolvers } from './complete-resolvers';
import { Article, Translation } from './resolvers/article';
import { Author, AuthorQuery } from './resolvers/author';
import { CuratedQuery } from './resolvers/curated';
import { Change, ChangesQuery } from './resolvers/changes';
import { Event, Organization, Person, Place } from './resolvers/entity';
import { Query } from './resolvers/query';
import { SearchQuery } from './resolvers/search';
import { Section, Subject, TopicsQuery } from './resolvers/topics';
import { JSON_SCALAR } from './json-scalar';
import { DATE_TIME_SCALAR } from './date-time-scalar';

/** The executable schema: the SDL of schema/schema.graphql with its resolvers. */
const resolvers: CompleteResolvers = {
  Query: { ...Query, ...SearchQuery, ...ChangesQuery, ...TopicsQuery, ...AuthorQuery, ...CuratedQuery },
  Change,
  JSON: JSON_SCALAR,
  DateTime: DATE_TIME_SCALAR,
  Article,
  Author,
  Translation,
  Section,
  Subject,
  Person,
  Event,
  Place,
  Organization,
  // Interface and union members resolve by the `type` every ref and document carries.
  // A byline is never a Node's value (node() returns the author's record), but its type says Author.
  Node: { __resolveType: (value) => ('type' in value ? value.type : 'Author') },
  Entity: { __resolveType: (value) => value.type },
  BodyBlock: { __resolveType: (value) => value.kind },
};

export const schema = executableSchema(typeDefs, resolvers);

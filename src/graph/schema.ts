import typeDefs from './type-defs.gen';
import { executableSchema } from './attach-resolvers';
import { Article, Author, Translation } from './resolvers/article';
import { Event, Organization, Person, Place, resolveType } from './resolvers/entity';
import { Query } from './resolvers/query';
import { SearchQuery } from './resolvers/search';

/** The executable schema: the SDL of schema/schema.graphql with its resolvers. */
export const schema = executableSchema(typeDefs, {
  Query: { ...Query, ...SearchQuery },
  Article,
  Author,
  Translation,
  Person,
  Event,
  Place,
  Organization,
  Node: { __resolveType: resolveType },
  Entity: { __resolveType: resolveType },
});

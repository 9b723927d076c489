import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * `scalar JSON`: any JSON value, sent as is (the formats out, Article.ninjs and Article.jsonLd,
 * are documents of other standards, not GraphQL types). As an input it takes any literal or
 * variable value (graphql-js valueFromASTUntyped), though no argument uses it today.
 */
export const JSON_SCALAR = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

import {
  buildASTSchema,
  isAbstractType,
  isObjectType,
  isScalarType,
  parse,
  GraphQLScalarType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';

/**
 * An executable schema from SDL and a resolver map, built the cheap way: graphql-js builds the
 * types once and the resolvers are set on them in place. @graphql-tools' makeExecutableSchema
 * (yoga's createSchema) rebuilds every type a second time (mapSchema) to attach them, most of
 * the worker's start-up time. The SDL is validated when
 * `npm run schema:generate` writes it (scripts/generate-from-schema.ts), so it is not validated again here.
 *
 * Like makeExecutableSchema it refuses a resolver for a type or field the SDL lacks, so a
 * renamed field fails at start-up, not silently at query time.
 */
/** Type name -> field name -> resolver, or `{ __resolveType }` for an interface or union. */
export type ResolverMap = Record<string, object>;
type FieldResolvers = Record<string, GraphQLFieldResolver<unknown, unknown>>;

export function executableSchema(typeDefs: string, resolvers: ResolverMap): GraphQLSchema {
  const schema = buildASTSchema(parse(typeDefs, { noLocation: true }), { assumeValidSDL: true });
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (isAbstractType(type) && '__resolveType' in fields) {
      type.resolveType = (fields as { __resolveType: GraphQLTypeResolver<unknown, unknown> }).__resolveType;
    } else if (isScalarType(type) && fields instanceof GraphQLScalarType) {
      // A custom scalar: the SDL names it, the resolver map says how it is sent and read.
      type.serialize = fields.serialize;
      type.parseValue = fields.parseValue;
      type.parseLiteral = fields.parseLiteral;
    } else if (isObjectType(type)) {
      const defined = type.getFields();
      for (const [fieldName, resolve] of Object.entries(fields as FieldResolvers)) {
        const field = defined[fieldName];
        if (!field) throw new Error(`Resolver for ${typeName}.${fieldName}, which the schema does not define.`);
        field.resolve = resolve;
      }
    } else {
      throw new Error(`Resolvers for ${typeName}, which the schema does not define as an object, interface or union.`);
    }
  }
  return schema;
}

import type { GraphQLScalarType } from 'graphql';
import type { Resolvers, ResolversParentTypes } from './resolver-types.gen';

/**
 * The resolver map with every resolver the schema needs made required, so that a field added
 * to schema/schema.graphql without a resolver fails `npm run typecheck`, not a query.
 *
 * GraphQL's default resolver reads the parent's property of the field's name (GraphQL spec,
 * 6.4.3 "Value Resolution"; graphql-js defaultFieldResolver). A field needs a resolver of its
 * own when the parent value (the codegen mapper: a ref, card or document) has no such
 * property, or holds something other than the field's type there (a slug where a Place is
 * due). An abstract type always needs `__resolveType`.
 */
type FieldFn<F> = Extract<NonNullable<F>, (...args: never[]) => unknown>;
/** What the default resolver hands on: undefined reads as null. */
type AsValue<V> = V extends undefined ? null : V;
/** A root type's parent is an empty record (`Record<PropertyKey, never>`): nothing to read. */
type Holds<P, K> = string extends keyof P ? false : K extends keyof P ? true : false;
type Needed<R, P> = {
  [K in keyof R]-?: K extends '__resolveType' ? K
  : K extends `__${string}` ? never
  : Holds<P, K> extends true ? ([AsValue<P[K & keyof P]>] extends [Awaited<ReturnType<FieldFn<R[K]>>>] ? never : K)
  : K;
}[keyof R];

type Complete<R, P> = R & { [K in Needed<R, P>]-?: NonNullable<R[K]> };
/** Custom scalars (JSON) are GraphQLScalarType objects, not field maps: nothing to complete. */
type ScalarName = { [T in keyof Resolvers]-?: NonNullable<Resolvers[T]> extends GraphQLScalarType ? T : never }[keyof Resolvers];
type TypeName = Exclude<keyof Resolvers & keyof ResolversParentTypes, ScalarName>;
type NeedsResolvers<T extends TypeName> = [Needed<NonNullable<Resolvers[T]>, ResolversParentTypes[T]>] extends [never] ? never : T;

export type CompleteResolvers = Resolvers & {
  [T in TypeName as NeedsResolvers<T>]-?: Complete<NonNullable<Resolvers[T]>, ResolversParentTypes[T]>;
};

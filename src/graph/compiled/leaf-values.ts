import {
  GraphQLEnumType,
  GraphQLError,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLUnionType,
  type GraphQLAbstractType,
  type GraphQLLeafType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Execution } from './execution';
import type { LinkedEntry } from './link';

/** The steps of value completion (spec 6.4.3) that recurse into nothing: type tests, leaves, runtime types. */

/**
 * Type tests by plain `instanceof`: graphql's isNonNullType and kin go through its `instanceOf`,
 * which outside NODE_ENV=production (workerd has no process.env) inspects every object that
 * is not an instance, looking for a second copy of graphql: on every completed value. The bundle has one graphql (`npm run bundle:check` fails otherwise).
 */
export const isNonNull = (type: unknown): type is GraphQLNonNull<GraphQLOutputType> => type instanceof GraphQLNonNull;
export const isList = (type: unknown): type is GraphQLList<GraphQLOutputType> => type instanceof GraphQLList;
export const isLeaf = (type: unknown): type is GraphQLLeafType => type instanceof GraphQLScalarType || type instanceof GraphQLEnumType;
export const isAbstract = (type: unknown): type is GraphQLAbstractType => type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType;

/** Scalars and enums (6.4.3 step 4): the type's own serialize; an unserializable value is a field error. */
export function completeLeafValue(type: GraphQLLeafType, result: unknown): unknown {
  let serialized: unknown;
  try {
    serialized = type.serialize(result);
  } catch (error) {
    // As yoga's executor does (a plain Error, no cause): the answers of both paths must match.
    // eslint-disable-next-line preserve-caught-error
    if (error instanceof GraphQLError) throw new Error(error.message);
    throw error;
  }
  if (serialized == null) {
    throw new Error(`Expected \`${type.name}.serialize(${String(result)})\` to return non-nullable value, returned: ${String(serialized)}`);
  }
  return serialized;
}

export function runtimeType(exe: Execution, type: GraphQLAbstractType, entry: LinkedEntry, info: GraphQLResolveInfo, name: unknown): GraphQLObjectType {
  const nodes = entry.nodes;
  if (name == null) {
    throw new GraphQLError(
      `Abstract type "${type.name}" must resolve to an Object type at runtime for field "${info.parentType.name}.${info.fieldName}". Either the "${type.name}" type should provide a "resolveType" function or each possible type should provide an "isTypeOf" function.`,
      { nodes },
    );
  }
  if (typeof name !== 'string') {
    throw new GraphQLError(`Abstract type "${type.name}" must resolve to an Object type at runtime for field "${info.parentType.name}.${info.fieldName}" with a value that is not a type name.`);
  }
  const runtime = exe.schema.getType(name);
  if (runtime == null) throw new GraphQLError(`Abstract type "${type.name}" was resolved to a type "${name}" that does not exist inside the schema.`, { nodes });
  if (!(runtime instanceof GraphQLObjectType)) throw new GraphQLError(`Abstract type "${type.name}" was resolved to a non-object type "${name}".`, { nodes });
  if (!exe.schema.isSubType(type, runtime)) {
    throw new GraphQLError(`Runtime Object type "${runtime.name}" is not a possible type for "${type.name}".`, { nodes });
  }
  return runtime;
}


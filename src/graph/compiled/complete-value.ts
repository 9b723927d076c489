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
import type { Path } from 'graphql/jsutils/Path';
import { executeFields, handleFieldError, isPromise, type Execution } from './execute';
import type { LinkedEntry } from './link';

/**
 * Type tests by plain `instanceof`: graphql's isNonNullType and kin go through its `instanceOf`,
 * which outside NODE_ENV=production (workerd has no process.env) inspects every object that
 * is not an instance, looking for a second copy of graphql; a profile found it on every
 * completed value. The bundle has one graphql (`npm run deploy:check` fails otherwise).
 */
const isNonNull = (type: unknown): type is GraphQLNonNull<GraphQLOutputType> => type instanceof GraphQLNonNull;
const isList = (type: unknown): type is GraphQLList<GraphQLOutputType> => type instanceof GraphQLList;
const isLeaf = (type: unknown): type is GraphQLLeafType => type instanceof GraphQLScalarType || type instanceof GraphQLEnumType;
const isAbstract = (type: unknown): type is GraphQLAbstractType => type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType;

/**
 * Spec 6.4.3 Value Completion, as yoga's executor (@graphql-tools/executor) writes it: the
 * same checks, messages and promise structure (see execute.ts for why the structure matters).
 */
export function completeValue(exe: Execution, type: GraphQLOutputType, entry: LinkedEntry, info: GraphQLResolveInfo, path: Path, result: unknown): unknown {
  if (result instanceof Error) throw result;
  // Non-null (spec 6.4.3 step 1): a null here is a field error that propagates (6.4.4).
  if (isNonNull(type)) {
    const completed = completeValue(exe, type.ofType, entry, info, path, result);
    if (completed === null) throw new Error(`Cannot return null for non-nullable field ${info.parentType.name}.${info.fieldName}.`);
    return completed;
  }
  if (result == null) return null;
  if (isList(type)) return completeListValue(exe, type.ofType, entry, info, path, result);
  if (isLeaf(type)) return completeLeafValue(type, result);
  if (isAbstract(type)) return completeAbstractValue(exe, type, entry, info, path, result);
  return completeObjectValue(exe, type as GraphQLObjectType, entry, info, path, result);
}

/** Lists (6.4.3 step 3): each item completed at its index; a failed nullable item is null, the others stay. */
function completeListValue(exe: Execution, itemType: GraphQLOutputType, entry: LinkedEntry, info: GraphQLResolveInfo, path: Path, result: unknown): unknown {
  if (typeof result !== 'object' || result === null || !(Symbol.iterator in result)) {
    throw new GraphQLError(`Expected Iterable, but did not find one for field "${info.parentType.name}.${info.fieldName}".`);
  }
  let containsPromise = false;
  const completed: unknown[] = [];
  let index = 0;
  for (const item of result as Iterable<unknown>) {
    const itemPath: Path = { prev: path, key: index, typename: undefined };
    try {
      const value = isPromise(item)
        ? item.then((resolved) => completeValue(exe, itemType, entry, info, itemPath, resolved))
        : completeValue(exe, itemType, entry, info, itemPath, item);
      if (isPromise(value)) {
        containsPromise = true;
        completed.push(value.then(undefined, (raw: unknown) => handleFieldError(exe, raw, entry, itemPath, itemType)));
      } else completed.push(value);
    } catch (raw) {
      completed.push(handleFieldError(exe, raw, entry, itemPath, itemType));
    }
    index++;
  }
  return containsPromise ? Promise.all(completed) : completed;
}

/** Scalars and enums (6.4.3 step 4): the type's own serialize; an unserializable value is a field error. */
function completeLeafValue(type: GraphQLLeafType, result: unknown): unknown {
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

/** Interfaces and unions (6.4.3 step 5, ResolveAbstractType): the schema's resolveType, checked as yoga checks it. */
function completeAbstractValue(exe: Execution, type: GraphQLAbstractType, entry: LinkedEntry, info: GraphQLResolveInfo, path: Path, result: unknown): unknown {
  const runtime = type.resolveType?.(result, exe.contextValue, info, type);
  const complete = (name: unknown) => completeObjectValue(exe, runtimeType(exe, type, entry, info, name), entry, info, path, result);
  return isPromise(runtime) ? runtime.then(complete) : complete(runtime);
}

function runtimeType(exe: Execution, type: GraphQLAbstractType, entry: LinkedEntry, info: GraphQLResolveInfo, name: unknown): GraphQLObjectType {
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

/** Objects (6.4.3 step 6): the plan the build collected for this type, executed over the value. */
function completeObjectValue(exe: Execution, type: GraphQLObjectType, entry: LinkedEntry, info: GraphQLResolveInfo, path: Path, result: unknown): unknown {
  const child = entry.child;
  const plan = exe.operation.plans[typeof child === 'number' ? child : child[type.name]!]!;
  if (type.isTypeOf) {
    const isTypeOf = type.isTypeOf(result, exe.contextValue, info);
    const fail = () => new GraphQLError(`Expected value of type "${type.name}" but got an object of another type.`, { nodes: entry.nodes });
    if (isPromise(isTypeOf)) {
      return isTypeOf.then((ok) => {
        if (!ok) throw fail();
        return executeFields(exe, plan, result, path);
      });
    }
    if (!isTypeOf) throw fail();
  }
  return executeFields(exe, plan, result, path);
}

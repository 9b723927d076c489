import { getArgumentValues, GraphQLError, type GraphQLAbstractType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLResolveInfo } from 'graphql';
import type { Path } from 'graphql/jsutils/Path';
import { defaultFieldResolver, handleFieldError, isPromise, promiseForObject, resolveInfo, type Execution } from './execution';
import { completeLeafValue, isAbstract, isLeaf, isList, isNonNull, runtimeType } from './leaf-values';
import type { LinkedEntry, LinkedPlan } from './link';

/**
 * Runs a compiled operation: GraphQL spec section 6 ("Execution") over the plans the build
 * wrote, with the schema's own resolvers (src/graph/resolvers/), so the domain logic stays in
 * one place and only the executor's machinery is replaced. What it no longer does per request:
 * parse, validate, collect fields (6.3.2), look field definitions up.
 *
 * Byte-identical answers to yoga's executor (@graphql-tools/executor, which yoga runs) are the
 * contract (tests/worker/compiled-equality.test.ts), so this mirrors its structure promise for
 * promise: the order in which field errors are appended depends on when each value settles.
 * An object's keys are in the order of its selection set (spec 6.3 and 7.2.2, "Serialized Map
 * Ordering"), as that executor writes them from 2.1.0 on (docs/compiled-operations.md).
 * Execution and value completion recurse into each other, so they share this file, as in graphql-js.
 */
type Result = { data: unknown } | { errors: GraphQLError[]; data: unknown };

/** Spec 6.2.1 ExecuteQuery: the root plan over no root value; a propagated null nulls `data`. */
export function executeCompiled(exe: Execution): Result | Promise<Result> {
  const done = (data: unknown): Result => (exe.errors.length === 0 ? { data } : { errors: exe.errors, data });
  const failed = (error: GraphQLError): Result => {
    exe.errors.push(error);
    return done(null);
  };
  try {
    const data = executeFields(exe, exe.operation.plans[0]!, undefined, undefined);
    return isPromise(data) ? data.then(done, failed) : done(data);
  } catch (error) {
    return failed(error as GraphQLError);
  }
}

/** Spec 6.3 ExecuteSelectionSet, for the fields of one object that may run in parallel. */
export function executeFields(exe: Execution, plan: LinkedPlan, source: unknown, path: Path | undefined): unknown {
  // Plain objects, not graphql-js's Object.create(null): those start in V8's dictionary mode,
  // and JSON.stringify of a dictionary-mode object leaves its fast path, where a large answer
  // spends much of its time. Objects of one plan get their keys
  // in one order, so they share a hidden class. No key is `__proto__` (the build leaves such an
  // operation to graphql-js: tools/operations/plan-operation.ts); the bytes are the same.
  const results: Record<string, unknown> = {};
  let containsPromise = false;
  try {
    for (const entry of plan.entries) {
      const result = executeField(exe, plan, source, entry, { prev: path, key: entry.key, typename: plan.type.name });
      if (result !== undefined) {
        results[entry.key] = result;
        if (isPromise(result)) containsPromise = true;
      }
    }
  } catch (error) {
    // Other fields' promises may reject too: wait for them, then propagate (6.4.4).
    if (containsPromise) {
      const rethrow = () => {
        throw error;
      };
      return (promiseForObject(results) as Promise<unknown>).then(rethrow, rethrow);
    }
    throw error;
  }
  return containsPromise ? promiseForObject(results) : results;
}

/** Spec 6.4 ExecuteField: coerce the arguments (6.4.1), resolve (6.4.2), complete (6.4.3). */
function executeField(exe: Execution, plan: LinkedPlan, source: unknown, entry: LinkedEntry, path: Path): unknown {
  const { def } = entry;
  const info = resolveInfo(exe, plan, entry, path);
  try {
    const args = def.args.length === 0 ? {} : getArgumentValues(def, entry.nodes[0]!, exe.variableValues);
    const resolve = def.resolve ?? defaultFieldResolver;
    const result = resolve(source, args, exe.contextValue, info);
    const completed = isPromise(result)
      ? result.then((resolved) => completeValue(exe, def.type, entry, info, path, resolved))
      : completeValue(exe, def.type, entry, info, path, result);
    if (isPromise(completed)) {
      return completed.then(undefined, (raw: unknown) => handleFieldError(exe, raw, entry, path, def.type));
    }
    return completed;
  } catch (raw) {
    return handleFieldError(exe, raw, entry, path, def.type);
  }
}

/**
 * Spec 6.4.3 Value Completion, as yoga's executor (@graphql-tools/executor) writes it: the
 * same checks, messages and promise structure (see above for why the structure matters).
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

/** Interfaces and unions (6.4.3 step 5, ResolveAbstractType): the schema's resolveType, checked as yoga checks it. */
function completeAbstractValue(exe: Execution, type: GraphQLAbstractType, entry: LinkedEntry, info: GraphQLResolveInfo, path: Path, result: unknown): unknown {
  const runtime = type.resolveType?.(result, exe.contextValue, info, type);
  const complete = (name: unknown) => completeObjectValue(exe, runtimeType(exe, type, entry, info, name), entry, info, path, result);
  return isPromise(runtime) ? runtime.then(complete) : complete(runtime);
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

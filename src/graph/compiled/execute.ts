import { getArgumentValues, GraphQLNonNull, locatedError, type GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Path } from 'graphql/jsutils/Path';
import { completeValue } from './complete-value';
import type { LinkedEntry, LinkedOperation, LinkedPlan } from './link';

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
 */
export interface Execution {
  schema: GraphQLSchema;
  operation: LinkedOperation;
  contextValue: unknown;
  variableValues: Record<string, unknown>;
  errors: GraphQLError[];
}

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

export const isPromise = (value: unknown): value is Promise<unknown> => (value as { then?: unknown } | null)?.then != null;

/** Spec 6.3 ExecuteSelectionSet, for the fields of one object that may run in parallel. */
export function executeFields(exe: Execution, plan: LinkedPlan, source: unknown, path: Path | undefined): unknown {
  // Plain objects, not graphql-js's Object.create(null): those start in V8's dictionary mode,
  // and JSON.stringify of a dictionary-mode object leaves its fast path (a profile put the
  // answer's serialization at a sixth of the request's CPU). Objects of one plan get their keys
  // in one order, so they share a hidden class. No key is `__proto__` (the build leaves such an
  // operation to graphql-js: tools/compile-ops/plan-operation.ts); the bytes are the same.
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

/**
 * An object whose promised values have settled, its keys in the order of `object` (the
 * selection set's): a promised key is reserved before its value arrives, as
 * @graphql-tools/executor 2.1's promiseForObject does, so that both paths write the same bytes.
 */
function promiseForObject(object: Record<string, unknown>): Promise<Record<string, unknown>> | Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  const promises: Promise<unknown>[] = [];
  for (const key in object) {
    const value = object[key];
    resolved[key] = value;
    if (isPromise(value)) promises.push(value.then((v) => void (resolved[key] = v)));
  }
  if (promises.length === 0) return resolved;
  return (promises.length === 1 ? promises[0]! : Promise.all(promises)).then(() => resolved);
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

/** Spec 6.4.4 Handling Field Errors: located at the field; null here, or propagated to a nullable parent. */
export function handleFieldError(exe: Execution, raw: unknown, entry: LinkedEntry, path: Path, type: LinkedEntry['def']['type']): null {
  const error = locatedError(coerceError(raw), entry.nodes, pathToArray(path));
  if (type instanceof GraphQLNonNull || error.extensions?.CRITICAL_ERROR) throw error;
  exe.errors.push(error);
  return null;
}

function coerceError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') return new Error((error as Error).message);
  return new Error(String(error));
}

function pathToArray(path: Path | undefined): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let p = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse();
}

/** graphql's default resolver: the property of the same name, called when it is a method. */
function defaultFieldResolver(source: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo): unknown {
  if ((typeof source !== 'object' || source === null) && typeof source !== 'function') return undefined;
  const property = (source as Record<string, unknown>)[info.fieldName];
  if (typeof property === 'function') return (property as (...a: unknown[]) => unknown).call(source, args, context, info);
  return property;
}

/** The `info` resolvers get (4th argument), as graphql-js builds it. */
export function resolveInfo(exe: Execution, plan: LinkedPlan, entry: LinkedEntry, path: Path): GraphQLResolveInfo {
  const { operation } = exe.operation;
  return {
    fieldName: entry.def.name,
    fieldNodes: entry.nodes,
    returnType: entry.def.type,
    parentType: plan.type,
    path,
    schema: exe.schema,
    fragments: exe.operation.fragments,
    rootValue: undefined,
    operation,
    variableValues: exe.variableValues,
  };
}

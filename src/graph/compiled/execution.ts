import { locatedError, GraphQLNonNull, type GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Path } from 'graphql/jsutils/Path';
import type { LinkedEntry, LinkedOperation, LinkedPlan } from './link';

/** One run of a compiled operation (src/graph/compiled/execute.ts), and the steps of it that recurse into nothing. */
export interface Execution {
  schema: GraphQLSchema;
  operation: LinkedOperation;
  contextValue: unknown;
  variableValues: Record<string, unknown>;
  errors: GraphQLError[];
}

export const isPromise = (value: unknown): value is Promise<unknown> => (value as { then?: unknown } | null)?.then != null;

/**
 * An object whose promised values have settled, its keys in the order of `object` (the
 * selection set's): a promised key is reserved before its value arrives, as
 * @graphql-tools/executor 2.1's promiseForObject does, so that both paths write the same bytes.
 */
export function promiseForObject(object: Record<string, unknown>): Promise<Record<string, unknown>> | Record<string, unknown> {
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
export function defaultFieldResolver(source: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo): unknown {
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

import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Breaking changes a reviewer accepted (schema/accepted-changes.json), each with why. Only one
 * kind can be accepted: an output field made nullable, at the field or in its list's items. It
 * changes no answer that had no error (a null appears only where `errors` names the path), and
 * it stops a null climbing further than the item it belongs to; but it changes the types codegen
 * writes for apps, so it is never silent: each is listed, reviewed, and reported by the gate.
 */
export interface AcceptedChange {
  /** graphql-js's description of the change, as `npm run schema:check` prints it. */
  change: string;
  why: string;
}

/** Whether `coordinate` (Type.field) is an output field whose working type only drops non-null wrappers. */
export function isNullabilityRelaxation(released: GraphQLSchema, working: GraphQLSchema, coordinate: string | undefined): boolean {
  const [typeName, fieldName] = coordinate?.split('.') ?? [];
  const fieldOf = (schema: GraphQLSchema) => {
    const type = schema.getType(typeName ?? '');
    return isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName ?? ''] : undefined;
  };
  const before = fieldOf(released);
  const after = fieldOf(working);
  return !!before && !!after && relaxes(before.type, after.type);
}

function relaxes(before: GraphQLOutputType, after: GraphQLOutputType): boolean {
  if (isNonNullType(before)) return relaxes(before.ofType, isNonNullType(after) ? after.ofType : after);
  if (isNonNullType(after)) return false;
  if (isListType(before)) return isListType(after) && relaxes(before.ofType, after.ofType);
  return !isListType(after) && getNamedType(before).name === getNamedType(after).name;
}

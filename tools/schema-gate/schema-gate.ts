import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  validate,
  type GraphQLSchema,
} from 'graphql';
import { isNullabilityRelaxation, type AcceptedChange } from './accepted-changes';
import { changeCoordinates } from './change-coordinates';
import type { RegisteredOperation } from './registered-operations';
import { usedCoordinates } from './used-coordinates';

/**
 * The schema gate (docs/api.md, "Schema changes"): the working schema against the one apps in
 * the field were built on, with graphql-js's findBreakingChanges and findDangerousChanges, and
 * every registered operation validated against the working schema. It fails when
 *   - a registered operation no longer validates, or uses what a breaking change changes; or
 *   - a breaking change removes what the released schema had not deprecated, or changes
 *     something in place (a type, a required argument): apps outside the registry (GraphiQL,
 *     deployments that accept arbitrary queries) break without notice. Deprecate, then remove.
 * Dangerous changes (an enum value or union member added, a default changed) are reported with
 * the operations they concern and pass; so are the breaking changes of `accepted`
 * (accepted-changes.ts: an output made nullable, reviewed), which the report names with the
 * operations they concern.
 */
export interface GateReport {
  errors: string[];
  notes: string[];
}

export function schemaGate(
  releasedSdl: string,
  workingSdl: string,
  operations: RegisteredOperation[],
  accepted: readonly AcceptedChange[] = [],
): GateReport {
  const released = buildSchema(releasedSdl);
  const working = buildSchema(workingSdl);
  const errors: string[] = [];
  const notes: string[] = [];
  const uses = operations.map((op) => ({ op, used: usedCoordinates(released, op.document) }));
  const label = (op: RegisteredOperation) => `${op.name} (${op.where})`;
  const concerned = (change: { type: string; description: string }) => {
    const coordinates = changeCoordinates(change);
    if (coordinates.length === 0) return [];
    return uses.filter(({ used }) => coordinates.every((c) => used.has(c))).map(({ op }) => op);
  };

  const breaking = findBreakingChanges(released, working);
  for (const change of breaking) {
    const ops = concerned(change);
    const head = `breaking ${change.type}: ${change.description}`;
    const acceptance = accepted.find((a) => a.change === change.description);
    if (acceptance && isNullabilityRelaxation(released, working, changeCoordinates(change)[0])) {
      const of = ops.length > 0 ? `; concerns ${ops.map(label).join(', ')}` : '';
      notes.push(`accepted ${head} (${acceptance.why})${of}`);
    } else if (acceptance) {
      errors.push(`${head}\n    listed as accepted, but only an output field made nullable can be accepted`);
    } else if (ops.length > 0) {
      errors.push(`${head}\n${ops.map((op) => `    breaks ${label(op)}`).join('\n')}`);
    } else if (removesDeprecated(released, change)) {
      notes.push(`${head} (deprecated in the released schema; no registered operation uses it)`);
    } else {
      errors.push(`${head}\n    no registered operation uses it, but it was not deprecated first: deprecate it in a release, then remove it`);
    }
  }
  for (const a of accepted) {
    if (!breaking.some((c) => c.description === a.change)) notes.push(`accepted change no longer made against the released schema (remove it): ${a.change}`);
  }
  for (const change of findDangerousChanges(released, working)) {
    const ops = concerned(change);
    notes.push(`dangerous ${change.type}: ${change.description}${ops.length > 0 ? `; concerns ${ops.map(label).join(', ')}` : ''}`);
  }
  for (const op of operations) {
    for (const error of validate(working, op.document)) {
      const at = error.locations?.[0];
      errors.push(`${label(op)} does not validate${at ? ` at ${at.line}:${at.column}` : ''}: ${error.message}`);
    }
  }
  return { errors, notes };
}

const REMOVALS = new Set(['FIELD_REMOVED', 'ARG_REMOVED', 'VALUE_REMOVED_FROM_ENUM', 'TYPE_REMOVED', 'DIRECTIVE_REMOVED']);

/** Whether the change removes something the released schema marked @deprecated (a type or directive: nothing to mark). */
function removesDeprecated(schema: GraphQLSchema, change: { type: string; description: string }): boolean {
  if (!REMOVALS.has(change.type)) return false;
  const [coordinate] = changeCoordinates(change);
  const match = coordinate?.match(/^(\w+)\.(\w+)(?:\((\w+):\))?$/);
  if (!match) return change.type === 'TYPE_REMOVED' || change.type === 'DIRECTIVE_REMOVED';
  const [, typeName, member, argName] = match;
  const type = schema.getType(typeName!);
  if (isEnumType(type)) return type.getValue(member!)?.deprecationReason != null;
  if (isInputObjectType(type)) return type.getFields()[member!]?.deprecationReason != null;
  if (!isObjectType(type) && !isInterfaceType(type)) return false;
  const field = type.getFields()[member!];
  const target = argName ? field?.args.find((a) => a.name === argName) : field;
  return target?.deprecationReason != null;
}

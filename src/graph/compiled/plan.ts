import { Kind, type ASTNode, type DocumentNode, type FieldNode } from 'graphql';

/**
 * The shape of a compiled persisted operation, shared by the build step that writes it
 * (tools/operations/) and the worker that runs it (src/graph/compiled/execute.ts).
 *
 * The build step runs CollectFields (GraphQL spec, section 6.3.2) for every selection set of
 * the operation and every object type a value there can have, after fragment spreads, inline
 * fragments and literal `@skip`/`@include` are applied, so the worker never collects fields:
 * it walks these plans. Field nodes are named by their index in `fieldNodesOf(document)`.
 */

/** What a field's value is completed with (spec 6.4.3): nothing (a leaf), one plan, or one per possible type. */
export type PlanChild = -1 | number | Record<string, number>;

/** One response key of a grouped field set: its key, the field nodes merged into it, what completes it. */
export type PlanEntry = [responseKey: string, fieldNodes: number[], child: PlanChild];

/** The grouped field set of one selection for one object type (CollectFields' ordered map). */
export interface Plan {
  type: string;
  fields: PlanEntry[];
}

/** One operation as the build writes it: its document (locations as offsets) and its plans; plan 0 is the root. */
export interface CompiledOperation {
  name: string;
  document: DocumentNode;
  plans: Plan[];
}

/**
 * Every field node of the document, in one fixed depth-first order: the build and the worker
 * number field nodes the same way, so a plan can name them by index.
 */
export function fieldNodesOf(document: DocumentNode): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (node: ASTNode): void => {
    if (node.kind === Kind.FIELD) found.push(node);
    if ('selectionSet' in node && node.selectionSet) for (const selection of node.selectionSet.selections) walk(selection);
  };
  for (const definition of document.definitions) walk(definition);
  return found;
}

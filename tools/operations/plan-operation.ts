import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  typeFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldNodesOf, type CompiledOperation, type Plan, type PlanChild, type PlanEntry } from '../../src/graph/compiled/plan';

/**
 * Plans one persisted operation (already validated against the schema and the limits by
 * tools/operations/persisted-operations.ts): CollectFields (GraphQL spec, section 6.3.2) for every
 * selection set and every object type its value can have. Returns the reason instead when the
 * operation stays on graphql-js: `@defer`/`@stream` (incremental delivery), a `@skip`/`@include`
 * whose `if` is a variable (the grouped field set would depend on the request), introspection,
 * a response key `__proto__`, or anything but a query.
 */
export function planOperation(schema: GraphQLSchema, document: DocumentNode): CompiledOperation | { fallback: string } {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.operation !== 'query' || !operation.name) {
    return { fallback: 'not a single named query' };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const index = new Map(fieldNodesOf(document).map((node, i) => [node, i]));
  const plans: Plan[] = [];
  const memo = new Map<string, number>();
  let fallback: string | undefined;

  /** Spec 6.3.2 CollectFields: `@skip`/`@include` first, then fields, spreads (once each), inline fragments. */
  function collect(type: GraphQLObjectType, set: SelectionSetNode, into: Map<string, FieldNode[]>, visited: Set<string>): void {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (visited.has(name) || !fragment || !applies(type, fragment)) continue;
        visited.add(name);
        collect(type, fragment.selectionSet, into, visited);
      } else if (applies(type, selection)) {
        collect(type, selection.selectionSet, into, visited);
      }
    }
  }

  /** Spec 6.3.2 DoesFragmentTypeApply: the same object type, or an abstract type it belongs to. */
  function applies(type: GraphQLObjectType, fragment: InlineFragmentNode | FragmentDefinitionNode): boolean {
    if (!fragment.typeCondition) return true;
    const condition = typeFromAST(schema, fragment.typeCondition);
    if (condition === type) return true;
    return isAbstractType(condition) && schema.isSubType(condition, type);
  }

  function included(node: { directives?: readonly { name: { value: string }; arguments?: readonly { value: { kind: Kind } }[] }[] }): boolean {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name === 'defer' || name === 'stream') fallback ??= `@${name} (incremental delivery)`;
      if ((name === 'skip' || name === 'include') && directive.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) {
        fallback ??= `@${name} with a variable`;
        return true;
      }
    }
    const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode);
    const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode);
    return skip?.if !== true && include?.if !== false;
  }

  /** The plan of `type` for the merged selection sets of `nodes` (graphql's collectSubfields). */
  function planFor(type: GraphQLObjectType, nodes: readonly { selectionSet?: SelectionSetNode }[]): number {
    const memoKey = `${type.name}:${nodes.map((n) => (n.selectionSet ? index.get(n as FieldNode) ?? 'op' : '-')).join(',')}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const at = plans.length;
    memo.set(memoKey, at);
    const plan: Plan = { type: type.name, fields: [] };
    plans.push(plan);
    const grouped = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    for (const node of nodes) if (node.selectionSet) collect(type, node.selectionSet, grouped, visited);
    for (const [key, fieldNodes] of grouped) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__schema' || name === '__type') fallback ??= 'introspection';
      // The executor writes plain objects (src/graph/compiled/execute.ts), where this key would set the prototype.
      if (key === '__proto__') fallback ??= 'a response key __proto__';
      const def = name === '__typename' ? undefined : type.getFields()[name];
      if (!def && name !== '__typename') {
        fallback ??= `unknown field ${type.name}.${name}`;
        continue;
      }
      const named = def ? getNamedType(def.type) : undefined;
      let child: PlanChild = -1;
      if (named && isObjectType(named)) child = planFor(named, fieldNodes);
      else if (named && isAbstractType(named)) {
        child = Object.fromEntries(schema.getPossibleTypes(named).map((t) => [t.name, planFor(t, fieldNodes)]));
      }
      const entry: PlanEntry = [key, fieldNodes.map((n) => index.get(n)!), child];
      plan.fields.push(entry);
    }
    return at;
  }

  const root = schema.getQueryType();
  if (!root) return { fallback: 'no query type' };
  planFor(root, [operation]);
  if (fallback) return { fallback };
  return { name: operation.name.value, document, plans };
}

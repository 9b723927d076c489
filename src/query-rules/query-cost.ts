import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * The cost of a query: what it may ask of the data store, known before it runs.
 *
 * Each field costs 1. The selections under a paginated field (one with `first`/`last`
 * arguments, a Relay connection) cost as many times as the page holds items: the given
 * `first`/`last`, else the default page size; values are clamped to [0, max], as the
 * resolvers refuse anything larger. `nodes(ids:)` is weighted by the number of IDs. Nested
 * lists multiply, so `articles(first: 100) { nodes { people { articles(first: 100) ... } } }`
 * costs about 100 x 100. This is the "estimated complexity" model of Contentful's GraphQL
 * API and of IBM's GraphQL Cost Directives draft, computed with the request's variables so
 * that `first: $n` counts what `$n` is.
 *
 * Introspection (`__schema`, `__type`) costs nothing, as in graphql-armor's cost limit.
 * Fragment cycles cost nothing here; validation rejects them (NoFragmentCyclesRule).
 */
const IN_PROGRESS = -1;

export interface CostOptions {
  defaultPageSize: number;
  maxPageSize: number;
}

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  options: CostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (!operationName || definition.name?.value === operationName) operation ??= definition;
    }
  }
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root) return 0;

  const vars = variables ?? {};
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return vars[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.LIST) return node.values;
    return undefined;
  };
  const clamp = (n: number) => Math.min(Math.max(Math.trunc(n), 0), options.maxPageSize);

  /** How many times the selections under this field are resolved. */
  function multiplier(field: FieldNode, def: GraphQLField<unknown, unknown>): number {
    const given = new Map((field.arguments ?? []).map((a) => [a.name.value, valueOf(a.value)]));
    const sizes = ['first', 'last'].map((name) => given.get(name)).filter((v): v is number => typeof v === 'number');
    if (def.args.some((a) => a.name === 'first' || a.name === 'last')) {
      return sizes.length > 0 ? clamp(Math.max(...sizes)) : options.defaultPageSize;
    }
    const ids = given.get('ids');
    if (Array.isArray(ids)) return clamp(ids.length);
    return 1;
  }

  // A fragment's cost does not depend on where it is spread: computed once, so a document
  // that spreads fragments into fragments (a "fragment bomb") costs linear time to price.
  const fragmentCost = new Map<string, number>();
  function costOf(set: SelectionSetNode, type: GraphQLNamedType): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        cost += 1;
        const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!def || !selection.selectionSet) continue;
        cost += multiplier(selection, def) * costOf(selection.selectionSet, getNamedType(def.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        cost += costOf(selection.selectionSet, condition || type);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || fragmentCost.get(name) === IN_PROGRESS) continue;
        if (!fragmentCost.has(name)) {
          fragmentCost.set(name, IN_PROGRESS);
          const condition = schema.getType(fragment.typeCondition.name.value);
          fragmentCost.set(name, costOf(fragment.selectionSet, condition ?? type));
        }
        cost += fragmentCost.get(name)!;
      }
    }
    return cost;
  }
  return costOf(operation.selectionSet, root);
}

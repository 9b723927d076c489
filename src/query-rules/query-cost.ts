import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { fieldCost, type FieldCost } from './cost-directives';

/**
 * The cost of a query: what it may ask of the data store, known before it runs.
 *
 * The weights are the schema's (cost-directives.ts, IBM's `@cost` and `@listSize`): each field
 * costs its weight, 1 unless `@cost` says otherwise. The selections under a `@listSize` field
 * (the connections, `nodes(ids:)`, `suggest`, `related`) cost as many times as it returns items:
 * the `first`/`last` given, else the argument's default, else the directive's `assumedSize`,
 * else the default page size; values are clamped to [0, max], as the resolvers refuse anything
 * larger. The page size multiplies the whole selection (`totalCount` and `pageInfo` too), so
 * the cost never undercounts, unless the directive names `sizedFields`: then only those fields'
 * selections (`edges`, `nodes`) are multiplied, as IBM's draft reads them. Nested lists multiply, so
 * `articles(first: 100) { nodes { people { articles(first: 100) ... } } }` costs about
 * 100 x 100. This is the static analysis of IBM's draft (and Contentful's "estimated
 * complexity"), computed with the request's variables so that `first: $n` counts what `$n` is.
 *
 * An item of an interface or union type is one of its object types, so a selection with a
 * fragment per type (`node { ... on Article {...} ... on Person {...} }`) costs its dearest
 * branch, not the sum of them: the cost is the maximum over the possible types.
 *
 * Introspection (`__schema`, `__type`) costs nothing, as in graphql-armor's cost limit.
 * Fragment cycles cost nothing here; validation rejects them (NoFragmentCyclesRule).
 */
const IN_PROGRESS = -1;

/** Inside a field with `sizedFields`: which fields of its type are resolved per item, and how many items. */
interface Sized {
  names: readonly string[];
  times: number;
}

export interface CostOptions {
  defaultPageSize: number;
  maxPageSize: number;
  /** Fields (by name) whose page may be larger than maxPageSize, with their own maximum. */
  largerPages?: Readonly<Record<string, number>>;
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
  /** How many times the selections under this field are resolved (its @listSize). */
  function multiplier(field: FieldNode, listSize: NonNullable<FieldCost['listSize']>): number {
    const max = options.largerPages?.[field.name.value] ?? options.maxPageSize;
    const clamp = (n: number) => Math.min(Math.max(Math.trunc(n), 0), max);
    const sizes: number[] = [];
    for (const arg of field.arguments ?? []) {
      if (!listSize.slicingArguments.some((a) => a.name === arg.name.value)) continue;
      const value = valueOf(arg.value);
      if (typeof value === 'number') sizes.push(value);
      else if (Array.isArray(value)) sizes.push(value.length);
    }
    if (sizes.length > 0) return clamp(Math.max(...sizes));
    const preset = listSize.slicingArguments.find((a) => typeof a.defaultValue === 'number')?.defaultValue as number | undefined;
    return clamp(preset ?? listSize.assumedSize ?? options.defaultPageSize);
  }

  // A selection set's cost on one concrete type does not depend on where it sits: computed
  // once per (set, type), so a document that spreads fragments into fragments (a "fragment
  // bomb") costs linear time to price.
  const priced = new Map<SelectionSetNode, Map<string, number>>();
  const memoKey = (type: GraphQLNamedType, sized: Sized | undefined) => (sized ? `${type.name}@${sized.times}:${sized.names.join()}` : type.name);
  const applies = (condition: GraphQLNamedType | null | undefined, on: GraphQLNamedType): boolean =>
    !condition || condition === on || (isAbstractType(condition) && isObjectType(on) && schema.isSubType(condition, on));

  /** An item of an abstract type is one of its object types: the dearest of them, not their sum. */
  function costOf(set: SelectionSetNode, type: GraphQLNamedType, sized?: Sized): number {
    if (!isAbstractType(type)) return costOn(set, type, sized);
    const possible = schema.getPossibleTypes(type);
    return possible.length === 0 ? costOn(set, type, sized) : Math.max(...possible.map((t) => costOn(set, t, sized)));
  }

  /** The cost of `set` for an item of type `type`: fragments on other types are not resolved for it. */
  function costOn(set: SelectionSetNode, type: GraphQLNamedType, sized?: Sized): number {
    const memo = priced.get(set) ?? priced.set(set, new Map()).get(set)!;
    const key = memoKey(type, sized);
    const known = memo.get(key);
    if (known !== undefined) return known === IN_PROGRESS ? 0 : known;
    memo.set(key, IN_PROGRESS);
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!def) {
          cost += 1;
          continue;
        }
        const weights = fieldCost(def);
        cost += weights.weight;
        for (const arg of selection.arguments ?? []) cost += weights.argumentWeights.get(arg.name.value) ?? 0;
        if (!selection.selectionSet) continue;
        const items = weights.listSize ? multiplier(selection, weights.listSize) : 1;
        if (weights.listSize && weights.listSize.sizedFields.length > 0) {
          cost += costOf(selection.selectionSet, getNamedType(def.type), { names: weights.listSize.sizedFields, times: items });
          continue;
        }
        const times = sized?.names.includes(name) ? sized.times * items : items;
        cost += times * costOf(selection.selectionSet, getNamedType(def.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        if (applies(condition, type)) cost += costOn(selection.selectionSet, type, sized);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(schema.getType(fragment.typeCondition.name.value), type)) cost += costOn(fragment.selectionSet, type, sized);
      }
    }
    memo.set(key, cost);
    return cost;
  }
  return costOf(operation.selectionSet, root);
}

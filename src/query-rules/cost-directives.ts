import {
  getNamedType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';

/**
 * The weights the schema declares with the cost directives of IBM's GraphQL Cost Directives
 * draft (ibm.github.io/graphql-specs/cost-spec.html), in the `weight: Int!` form Apollo Router,
 * Hive Gateway and Grafbase enforce:
 *   - `@cost(weight:)` on a field, else on the type it returns, else 1 (this API's default:
 *     every field, scalar or not); on an argument, added when the argument is given;
 *   - `@listSize(slicingArguments:, assumedSize:)` on a field whose selections are resolved
 *     once per item: the largest slicing argument given (a list-valued one, such as
 *     `nodes(ids:)`, counts its items), else that argument's default, else `assumedSize`;
 *     with `sizedFields`, only those fields of the returned type are resolved once per item
 *     (a connection's `edges` and `nodes`), the others once a page (its `totalCount`).
 * Read once per schema object from its SDL (`astNode`).
 */
export interface FieldCost {
  weight: number;
  /** Argument name -> weight added when it is given. */
  argumentWeights: ReadonlyMap<string, number>;
  listSize?: { slicingArguments: readonly GraphQLArgument[]; assumedSize: number | undefined; sizedFields: readonly string[] };
}

const costs = new WeakMap<GraphQLField<unknown, unknown>, FieldCost>();

export function fieldCost(field: GraphQLField<unknown, unknown>): FieldCost {
  let cost = costs.get(field);
  if (!cost) {
    cost = readFieldCost(field);
    costs.set(field, cost);
  }
  return cost;
}

function readFieldCost(field: GraphQLField<unknown, unknown>): FieldCost {
  const argumentWeights = new Map<string, number>();
  for (const arg of field.args) {
    const weight = intArgument(directive(arg.astNode?.directives, 'cost'), 'weight');
    if (weight !== undefined) argumentWeights.set(arg.name, weight);
  }
  const weight = intArgument(directive(field.astNode?.directives, 'cost'), 'weight') ?? typeWeight(getNamedType(field.type)) ?? 1;
  const listSize = directive(field.astNode?.directives, 'listSize');
  if (!listSize) return { weight, argumentWeights };
  const slicing = stringList(listSize, 'slicingArguments');
  return {
    weight,
    argumentWeights,
    listSize: {
      slicingArguments: field.args.filter((arg) => slicing.includes(arg.name)),
      assumedSize: intArgument(listSize, 'assumedSize'),
      sizedFields: stringList(listSize, 'sizedFields'),
    },
  };
}

function typeWeight(type: GraphQLNamedType): number | undefined {
  return intArgument(directive(type.astNode?.directives, 'cost'), 'weight');
}

function directive(directives: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode | undefined {
  return directives?.find((d) => d.name.value === name);
}

function stringList(node: ConstDirectiveNode, name: string): string[] {
  const value = node.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.LIST ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
}

function intArgument(node: ConstDirectiveNode | undefined, name: string): number | undefined {
  const value = node?.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

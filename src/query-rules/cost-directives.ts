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
 *     `nodes(ids:)`, counts its items), else that argument's default, else `assumedSize`.
 * Read once per schema object from its SDL (`astNode`).
 */
export interface FieldCost {
  weight: number;
  /** Argument name -> weight added when it is given. */
  argumentWeights: ReadonlyMap<string, number>;
  listSize?: { slicingArguments: readonly GraphQLArgument[]; assumedSize: number | undefined };
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
  const names = listSize.arguments?.find((a) => a.name.value === 'slicingArguments')?.value;
  const slicing = names?.kind === Kind.LIST ? names.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
  return {
    weight,
    argumentWeights,
    listSize: {
      slicingArguments: field.args.filter((arg) => slicing.includes(arg.name)),
      assumedSize: intArgument(listSize, 'assumedSize'),
    },
  };
}

function typeWeight(type: GraphQLNamedType): number | undefined {
  return intArgument(directive(type.astNode?.directives, 'cost'), 'weight');
}

function directive(directives: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode | undefined {
  return directives?.find((d) => d.name.value === name);
}

function intArgument(node: ConstDirectiveNode | undefined, name: string): number | undefined {
  const value = node?.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

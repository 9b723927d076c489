import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  typeFromAST,
  valueFromASTUntyped,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Where an answer's objects list their keys in another order than the query selected them:
 * GraphQL spec 6.3.2 CollectFields gives each object's response keys (aliases, fields of
 * applicable fragments, first occurrence wins), and 7.2.2 "Serialized Map Ordering" says the
 * serialized map SHOULD keep that order. Walks `data` beside the operation with the schema's
 * types; an abstract-typed object's runtime type is its `__typename`, which the query must
 * select. Returns one line per misordered object (path, wanted keys, got keys): [] when all
 * are in order. Keys are GraphQL names (never array indices), so JSON.parse keeps the order
 * of the answer's text and `Object.keys` reads it.
 */
export function misorderedObjects(schema: GraphQLSchema, document: DocumentNode, data: unknown, variables: Record<string, unknown> = {}): string[] {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation in the document');
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const problems: string[] = [];

  /** CollectFields (6.3.2) for `type`: response key -> the selection sets of its fields. */
  function collect(type: GraphQLObjectType, set: SelectionSetNode, into: Map<string, { field: string; sets: SelectionSetNode[] }>) {
    for (const selection of set.selections) {
      if (skipped(selection.directives ?? [])) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const entry = into.get(key) ?? { field: selection.name.value, sets: [] };
        if (selection.selectionSet) entry.sets.push(selection.selectionSet);
        into.set(key, entry);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value)! : selection;
      const condition = fragment.typeCondition ? typeFromAST(schema, fragment.typeCondition) : type;
      if (condition && applies(condition, type)) collect(type, fragment.selectionSet, into);
    }
  }
  const applies = (condition: GraphQLNamedType, type: GraphQLObjectType) =>
    condition === type || (isAbstractType(condition) && schema.isSubType(condition, type));
  const skipped = (directives: readonly DirectiveNode[]) =>
    directives.some((d) => {
      const value = d.arguments?.[0] ? valueFromASTUntyped(d.arguments[0].value, variables) : true;
      return (d.name.value === 'skip' && value === true) || (d.name.value === 'include' && value === false);
    });

  function walk(type: GraphQLNamedType, sets: SelectionSetNode[], value: unknown, path: string) {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((item, i) => walk(type, sets, item, `${path}[${i}]`));
    const record = value as Record<string, unknown>;
    const runtime = isObjectType(type) ? type : schema.getType(String(record.__typename));
    if (!isObjectType(runtime)) throw new Error(`${path}: an object of abstract type ${type.name} without __typename`);
    const fields = new Map<string, { field: string; sets: SelectionSetNode[] }>();
    for (const set of sets) collect(runtime, set, fields);
    const [want, got] = [[...fields.keys()], Object.keys(record)];
    if (want.join() !== got.join()) problems.push(`${path || 'data'}: selected ${want.join(', ')}; answered ${got.join(', ')}`);
    for (const [key, { field, sets: sub }] of fields) {
      if (sub.length === 0 || field === '__typename') continue;
      walk(getNamedType(runtime.getFields()[field]!.type), sub, record[key], `${path}.${key}`);
    }
  }

  walk(schema.getRootType(operation.operation)!, [operation.selectionSet], data, '');
  return problems;
}

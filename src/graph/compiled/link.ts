import {
  Kind,
  Source,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { fieldNodesOf, type CompiledOperation, type PlanChild } from './plan';

/**
 * A compiled operation (src/graph/compiled/operations.gen.ts) joined to the running schema,
 * once per isolate on its first request: each plan names its object type and, per response
 * key, the field definition (its resolver, its type) and the real field nodes. Locations are
 * pointed at the operation's text, so an error's `locations` are those graphql-js reports.
 */
export interface LinkedEntry {
  key: string;
  nodes: FieldNode[];
  def: GraphQLField<unknown, unknown>;
  child: PlanChild;
}

export interface LinkedPlan {
  type: GraphQLObjectType;
  entries: LinkedEntry[];
}

export interface LinkedOperation {
  name: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  plans: LinkedPlan[];
}

export function linkOperation(schema: GraphQLSchema, json: string, body: string): LinkedOperation {
  const source = new Source(body);
  const compiled = JSON.parse(json, (key, value: unknown) =>
    key === 'loc' && Array.isArray(value) ? { start: value[0], end: value[1], source } : value,
  ) as CompiledOperation;
  const nodes = fieldNodesOf(compiled.document);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const d of compiled.document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    else if (d.kind === Kind.OPERATION_DEFINITION) operation = d;
  }
  const plans = compiled.plans.map((plan) => {
    const type = schema.getType(plan.type) as GraphQLObjectType;
    const fields = type.getFields();
    return {
      type,
      entries: plan.fields.map(([key, ids, child]) => {
        const fieldNodes = ids.map((i) => nodes[i]!);
        const name = fieldNodes[0]!.name.value;
        const def = name === '__typename' ? TypeNameMetaFieldDef : fields[name];
        if (!def) throw new Error(`Compiled operation ${compiled.name} selects ${plan.type}.${name}, which the schema lacks.`);
        return { key, nodes: fieldNodes, def, child };
      }),
    };
  });
  return { name: compiled.name, document: compiled.document, operation: operation!, fragments, plans };
}

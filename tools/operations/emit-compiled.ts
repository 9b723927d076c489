import { parse, type GraphQLSchema } from 'graphql';
import type { CompiledOperation } from '../../src/graph/compiled/plan';
import { planOperation } from './plan-operation';

/**
 * The source of src/graph/compiled/operations.gen.ts: every persisted operation (id -> body,
 * the manifest scripts/build-operations.ts writes) that can be compiled, as its parsed document
 * and its plans (plan-operation.ts). The document is kept so that the worker never parses:
 * resolvers and errors still see real field nodes (`info.fieldNodes`, `locations`). A location
 * is kept as its two offsets; the worker points it at the operation's text (src/graph/compiled/link.ts).
 * Plain data, bundled by wrangler: nothing is evaluated at run time (workerd forbids eval).
 */
export interface EmitResult {
  source: string;
  compiled: string[];
  fallbacks: Array<{ name: string; reason: string }>;
}

export function emitCompiled(schema: GraphQLSchema, byId: Readonly<Record<string, string>>): EmitResult {
  const operations: Record<string, string> = {};
  const compiled: string[] = [];
  const fallbacks: EmitResult['fallbacks'] = [];
  for (const id of Object.keys(byId).sort()) {
    const document = parse(byId[id]!);
    const planned = planOperation(schema, document);
    const name = document.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? id.slice(0, 12);
    if ('fallback' in planned) fallbacks.push({ name, reason: planned.fallback });
    else {
      operations[id] = toJson(planned);
      compiled.push(name);
    }
  }
  // Each operation stays a JSON string until its first request (src/graph/compiled/link.ts):
  // start-up parses none of them, and JSON.parse is the cheapest way to load data in V8.
  const source =
    '// Generated from the persisted operations by scripts/build-operations.ts (tools/operations/). Do not edit.\n' +
    `export default ${JSON.stringify(operations, null, 1)} as Record<string, string>;\n`;
  return { source, compiled, fallbacks };
}

/** The operation as JSON, each location as its [start, end] offsets. */
function toJson(operation: CompiledOperation): string {
  return JSON.stringify(operation, (key, value: unknown) =>
    key === 'loc' && value && typeof value === 'object' ? [(value as { start: number }).start, (value as { end: number }).end] : value,
  );
}

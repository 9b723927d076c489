import manifest from '../graph/persisted-operations.gen';
import { persistedOperationId, type RequestParams } from '../http/request-params';

/**
 * The operation a request ran, named for logs and metrics: a persisted operation by the name
 * its manifest document gives it (bounded: only the build's operations), an ad-hoc query by
 * its `operationName` (only where ALLOW_ARBITRARY_QUERIES lets one run). From the params the
 * front door read once (src/front/exchange.ts paramsOf); null when the request named none or
 * yoga read the body itself.
 */
export interface OperationLabel {
  operation: string | null;
  operationId: string | null;
}

const NONE: OperationLabel = { operation: null, operationId: null };

export function operationLabel(params: RequestParams | null): OperationLabel {
  if (!params) return NONE;
  const operationId = persistedOperationId(params as Record<string, unknown>);
  const named = typeof params.operationName === 'string' ? params.operationName : null;
  if (operationId === null) return { operation: named?.slice(0, MAX_CHARS) ?? null, operationId };
  // A client-chosen id names nothing we ship: logged cut short, never kept.
  if (!known(operationId)) return { operation: 'unknown-persisted-id', operationId: operationId.slice(0, MAX_CHARS) };
  return { operation: persistedName(operationId) ?? named, operationId };
}

const MAX_CHARS = 64;
/** Names of the manifest's operations, found once each (only the build's ids are kept). */
let names: Map<string, string | null> | undefined;

const known = (id: string) => Object.prototype.hasOwnProperty.call(manifest, id);

/** The first operation definition's name in the manifest document (GraphQL spec 2.3, OperationDefinition). */
function persistedName(id: string): string | null {
  names ??= new Map();
  if (!names.has(id)) {
    const text = (manifest as Record<string, string>)[id]!;
    names.set(id, /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? null);
  }
  return names.get(id)!;
}

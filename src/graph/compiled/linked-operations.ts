import type { DocumentNode } from 'graphql';
import compiled from './operations.gen';
import manifest from '../persisted-operations.gen';
import { schema } from '../schema';
import { linkOperation, type LinkedOperation } from './link';

/**
 * The compiled operations of the build (operations.gen.ts), each linked to the running schema
 * on its first use in the isolate (link.ts) and kept for the isolate's life: looked up by
 * persisted id (the front door's compiled stage, src/front/compiled.ts), by the document text the
 * trusted-documents plugin put in `params.query` (src/plugins/use-compiled-operations.ts),
 * and by the linked document (to know that a document yoga holds is one of ours).
 */
const byBody = new Map<string, string>();
for (const id of Object.keys(compiled)) if (manifest[id] !== undefined) byBody.set(manifest[id], id);
const linked = new Map<string, LinkedOperation>();
const documents = new WeakMap<DocumentNode, LinkedOperation>();

/** The compiled operation a persisted id names; undefined when it has none (not persisted, or left to graphql-js). */
export function compiledById(id: string): LinkedOperation | undefined {
  let operation = linked.get(id);
  if (operation) return operation;
  // Own keys only: an id is the client's text ("constructor" is no operation).
  if (!Object.hasOwn(compiled, id) || !Object.hasOwn(manifest, id)) return undefined;
  operation = linkOperation(schema, compiled[id]!, manifest[id]!);
  linked.set(id, operation);
  documents.set(operation.document, operation);
  return operation;
}

/** The compiled operation of a persisted document's text. */
export function compiledByText(text: string): LinkedOperation | undefined {
  const id = byBody.get(text);
  return id === undefined ? undefined : compiledById(id);
}

/** The compiled operation whose linked document this is. */
export const compiledByDocument = (document: DocumentNode): LinkedOperation | undefined => documents.get(document);

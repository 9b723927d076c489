/**
 * graphql-request against an API that runs persisted operations only (trusted documents).
 * graphql-request always sends the query text, and its request middleware runs before the GET
 * parameters are added, so this wraps its `fetch`: each request is sent as the operation's id
 * from the API's manifest (`/persisted-query-manifest.json`, Apollo's format), by operation
 * name, with `extensions.persistedQuery.sha256Hash` (Apollo's persisted-query protocol) and no
 * query text, over GET or POST as the client is set up. A document that is not the shipped one
 * (compared modulo `__typename`, which the build adds) is refused before anything is sent.
 *
 *   import { GraphQLClient } from 'graphql-request';
 *   const manifest = await (await fetch('https://<your-worker>/persisted-query-manifest.json')).json();
 *   const client = new GraphQLClient('https://<your-worker>/graphql', { method: 'GET', fetch: persistedFetch(manifest) });
 *   const data = await client.request(homeDocument, { first: 20 });
 */
import { Kind, parse, print, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name: string; type: string; body: string }>;
}

/** Why a request was not sent: the operation is not in the manifest, or not as shipped. */
export class NotPersistedError extends Error {
  override name = 'NotPersistedError';
}

/** The document printed without `__typename` selections: what the app wrote, however formatted. */
function shape(document: DocumentNode): string {
  return print(visit(document, { Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined) }));
}

function operationName(document: DocumentNode): string | undefined {
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)?.name?.value;
}

/** The manifest's entries by operation name, each with the shape of its document. */
function index(manifest: PersistedQueryManifest): Map<string, { id: string; shape: string }> {
  return new Map(manifest.operations.map((op) => [op.name, { id: op.id, shape: shape(parse(op.body)) }]));
}

/** A `fetch` for graphql-request's `fetch` option that sends manifest ids instead of documents. */
export function persistedFetch(manifest: PersistedQueryManifest, base: typeof fetch = fetch): typeof fetch {
  const shipped = index(manifest);
  const idOf = (query: string): string => {
    const document = parse(query);
    const name = operationName(document);
    const entry = name === undefined ? undefined : shipped.get(name);
    if (!entry) throw new NotPersistedError(`${name ?? 'an anonymous operation'} is not in the API's persisted-query manifest: only shipped operations run in production`);
    if (shape(document) !== entry.shape) throw new NotPersistedError(`${name} differs from the shipped operation of that name: use the API's operation file as it is`);
    return entry.id;
  };
  const extensions = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const query = url.searchParams.get('query');
    if (query !== null) {
      url.searchParams.delete('query');
      url.searchParams.set('extensions', JSON.stringify(extensions(idOf(query))));
      return base(url, init);
    }
    if (typeof init?.body === 'string') {
      const body = JSON.parse(init.body) as { query?: string; variables?: unknown; operationName?: string };
      if (typeof body.query === 'string') {
        const { query: text, ...rest } = body;
        return base(url, { ...init, body: JSON.stringify({ ...rest, extensions: extensions(idOf(text)) }) });
      }
    }
    return base(input, init);
  };
}

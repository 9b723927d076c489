import { Environment, Network, RecordSource, Store, type GraphQLResponse, type RequestParameters, type Variables } from 'relay-runtime';

/**
 * A Relay environment as a shipped app sets it up against this API in production: the network
 * layer POSTs relay-compiler's `doc_id` and the variables, never query text; what was sent and
 * what came back are kept for the test to read.
 */
export function relayEnvironment(origin: string, sent: Array<Record<string, unknown>> = [], received: GraphQLResponse[] = []): Environment {
  const network = Network.create(async (params: RequestParameters, variables: Variables) => {
    const body = { doc_id: params.id, variables };
    sent.push(body);
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as GraphQLResponse;
    received.push(json);
    return json;
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}

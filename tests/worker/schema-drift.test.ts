import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import sdl from '../../schema/schema.graphql?raw';
import { deliveryWorker } from './delivery-helpers';

/**
 * schema/schema.graphql is the API's contract for app developers: the schema the worker
 * serves, read back by introspection as any client would, must print exactly as the file.
 */
describe('schema/schema.graphql matches the served schema', () => {
  it('prints the same SDL from introspection as from the file', async () => {
    const query = getIntrospectionQuery({ descriptions: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' })('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data: IntrospectionQuery };
    const served = printSchema(buildClientSchema(body.data));
    const written = printSchema(buildSchema(sdl));
    expect(served.length).toBeGreaterThan(1000);
    expect(served).toBe(written);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileClientManifests } from './client-manifests';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');
const hex = (text: string) => createHash('sha256').update(text).digest('hex');
const compile = (file: string, value: unknown) =>
  compileClientManifests(schema, [{ file, text: typeof value === 'string' ? value : JSON.stringify(value) }], sha256);

const FEED = 'query AppFeed { articles(first: 5) { nodes { id headline } } }';
const deep = `query Deep { article(slug: "a") { people { articles { nodes { people { articles { nodes { people { articles { nodes { people { name } } } } } } } } } } } }`;

describe('client manifests (operations/clients/)', () => {
  it('takes Apollo manifests and Relay persisted_queries.json, ids as the app sends them', async () => {
    const apollo = await compile('operations/clients/ios.json', {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: hex(FEED), name: 'AppFeed', type: 'query', body: FEED }],
    });
    expect(apollo.problems).toEqual([]);
    expect([...apollo.operations]).toEqual([[hex(FEED), FEED]]);
    const relay = await compile('operations/clients/web.json', { [hex(FEED)]: FEED });
    expect(relay).toMatchObject({ problems: [], names: ['AppFeed'] });
  });

  it.each([
    ['an id that is not the SHA-256 of the body', { ['0'.repeat(64)]: FEED }, /entry 000000000000: id is not the SHA-256 of the body/],
    ['a field the schema lacks', { [hex('query A { article(slug: "x") { title } }')]: 'query A { article(slug: "x") { title } }' }, /Cannot query field "title"/],
    ['a query over the depth limit', { [hex(deep)]: deep }, /depth/i],
    ['a mutation-free but anonymous operation', { [hex('{ dataVersion { id } }')]: '{ dataVersion { id } }' }, /needs a name/],
    ['text that is not JSON', '{ nope', /not JSON/],
    ['an Apollo manifest without operations', { format: 'apollo-persisted-query-manifest', version: 1 }, /"operations" array/],
  ])('refuses %s, naming the file and the entry', async (_, value, message) => {
    const result = await compile('operations/clients/app.json', value);
    expect(result.operations.size).toBe(0);
    expect(result.problems[0]).toMatchObject({ file: 'operations/clients/app.json' });
    expect(result.problems[0]!.message).toMatch(message);
  });
});

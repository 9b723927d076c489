import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { executableSchema } from './attach-resolvers';

const SDL = `
  type Query { hello(name: String!): String! pet: Pet }
  interface Pet { name: String! }
  type Dog implements Pet { name: String! }
`;

describe('executableSchema', () => {
  it('runs field resolvers and resolves abstract types', async () => {
    const schema = executableSchema(SDL, {
      Query: { hello: (_: unknown, { name }: { name: string }) => `namaste ${name}`, pet: () => ({ kind: 'Dog', name: 'Moti' }) },
      Pet: { __resolveType: (value: { kind: string }) => value.kind },
    });
    const result = await graphql({ schema, source: '{ hello(name: "Asha") pet { __typename name } }' });
    expect(result).toEqual({ data: { hello: 'namaste Asha', pet: { __typename: 'Dog', name: 'Moti' } } });
  });

  it('refuses resolvers for fields or types the SDL lacks', () => {
    expect(() => executableSchema(SDL, { Query: { goodbye: () => 'x' } })).toThrow(/Query\.goodbye/);
    expect(() => executableSchema(SDL, { Cat: { name: () => 'x' } })).toThrow(/Cat/);
  });
});

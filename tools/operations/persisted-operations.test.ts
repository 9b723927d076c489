import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileOperations, type SourceOperation } from './persisted-operations';

const sdl = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');
const compile = (...sources: SourceOperation[]) => compileOperations(sdl, sources, sha256);
const op = (file: string, text: string): SourceOperation => ({ file, text });

describe('compileOperations', () => {
  it('compiles every file of operations/ against the schema', async () => {
    const dir = new URL('../../operations/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    const result = await compile(...files.map((f) => op(f, readFileSync(new URL(f, dir), 'utf8'))));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.manifest.operations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['ArticlePage', 'EventPage', 'LatestArticles', 'PersonPage']),
    );
    expect(result.manifest.operations).toHaveLength(files.length);
  });

  it('hashes the printed body, so formatting and comments do not change the id', async () => {
    const a = await compile(op('a.graphql', '# a comment\nquery Feed { articles(first: 2) { totalCount } }'));
    const b = await compile(op('b.graphql', 'query   Feed {\n  articles(first: 2) {\n    totalCount\n  }\n}\n'));
    if (!a.ok || !b.ok) throw new Error('expected both to compile');
    const [first] = a.manifest.operations;
    expect(first!.id).toBe(b.manifest.operations[0]!.id);
    expect(first!.id).toBe(await sha256(first!.body));
    expect(a.manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
  });

  it.each([
    ['a field the schema lacks', 'query A { article(slug: "x") { title } }', /Cannot query field "title" on type "Article"/, '1:32'],
    ['a syntax error', 'query A { article(slug: "x") { headline }', /Syntax Error/, '-'],
    ['two operations', 'query A { dataVersion { id } } query B { dataVersion { id } }', /exactly one operation; this one has 2/, '-'],
    ['an anonymous operation', '{ dataVersion { id } }', /needs a name/, '-'],
    ['a missing variable type', 'query A { article(slug: $slug) { headline } }', /Variable "\$slug" is not defined/, '1:25'],
  ])('refuses %s with the file, position and reason', async (_, text, message, position) => {
    const result = await compile(op('operations/bad.graphql', text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'operations/bad.graphql', path: position });
    expect(result.problems[0]!.message).toMatch(message);
  });

  it('adds __typename where Apollo Client adds it, before hashing', async () => {
    const result = await compile(op('a.graphql', 'query A { article(slug: "x") { id people { id name } } }'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.manifest.operations[0]!.body).toBe(
      'query A {\n  article(slug: "x") {\n    id\n    people {\n      id\n      name\n      __typename\n    }\n    __typename\n  }\n}',
    );
  });

  it('refuses a selection of an identifiable type without its id, with the position', async () => {
    const result = await compile(op('operations/bad.graphql', 'query A {\n  article(slug: "x") {\n    id\n    people { name }\n  }\n}'));
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'operations/bad.graphql', path: '4:5', message: expect.stringMatching(/^article\.people selects no id/) }],
    });
  });

  it('refuses two files defining the same operation name', async () => {
    const result = await compile(
      op('operations/a.graphql', 'query Same { dataVersion { id } }'),
      op('operations/b.graphql', 'query Same { dataVersion { id builtAt } }'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'operations/b.graphql',
          path: '-',
          message: 'operation Same is also defined in operations/a.graphql; names must be unique',
        },
      ],
    });
  });
});

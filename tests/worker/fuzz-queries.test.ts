import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graph/schema';
import { toGlobalId } from '../../src/model/global-id';
import { encodeCursor } from '../../src/model/page-range';
import { createWorker } from '../../src/worker';
import { seedKv } from './helpers';
import { contractViolations, postJson, send } from './raw-request';

/**
 * Property-based tests (fast-check): queries generated from the schema itself, with
 * arguments both plausible (real slugs, IDs, cursors, page sizes) and hostile (negative or
 * huge sizes, forged cursors, any string), plus the odd unknown field. Whatever comes out,
 * the answer keeps the contract (no 5xx, no stack trace, a GraphQL body, documented codes),
 * and the worker still answers a known query correctly afterwards.
 * Runs are bounded (RUNS) so the suite stays fast on two cores; the seed is fixed by
 * fast-check's defaults per run and printed on failure for replay.
 */
const RUNS = 100;
const ARTICLE = 'putin-to-visit-north-korea-next-week';
const SLUGS = [ARTICLE, 'vladimir-putin', 'kim-jong-un', 'pyongyang', 'russia-day-2024', 'nhk', 'nobody'];

const string = fc.oneof(
  fc.constantFrom(...SLUGS, 'hi', 'en', '2024-06-12', encodeCursor(['2024-06-12', ARTICLE], 0), encodeCursor(['2024-06-01', 'vladimir-putin'], 5)),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const id = fc.oneof(
  fc.constantFrom(toGlobalId('Article', ARTICLE), toGlobalId('Person', 'vladimir-putin'), toGlobalId('Place', 'nobody')),
  fc.base64String({ maxLength: 24 }),
);
const int = fc.oneof(fc.integer({ min: -3, max: 120 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));

/** A GraphQL literal of an input type. */
function literal(type: GraphQLInputType, depth = 0): fc.Arbitrary<string> {
  const inner = getNullableType(type) as GraphQLInputType;
  const value: fc.Arbitrary<string> = (() => {
    if (isListType(inner)) return fc.array(literal(inner.ofType, depth + 1), { maxLength: 3 }).map((vs) => `[${vs.join(', ')}]`);
    if (isEnumType(inner)) return fc.constantFrom(...inner.getValues().map((v) => v.name));
    if (isInputObjectType(inner)) {
      const fields = Object.values(inner.getFields());
      return fc.subarray(fields, { maxLength: Math.min(3, fields.length) }).chain((chosen) =>
        fc.tuple(...chosen.map((f) => literal(f.type, depth + 1).map((v) => `${f.name}: ${v}`))).map((parts) => `{ ${parts.join(', ')} }`),
      );
    }
    if (inner.name === 'Int') return int.map(String);
    if (inner.name === 'Float') return fc.double({ noNaN: true, noDefaultInfinity: true }).map(String);
    if (inner.name === 'Boolean') return fc.boolean().map(String);
    if (inner.name === 'ID') return id.map((v) => JSON.stringify(v));
    return string.map((v) => JSON.stringify(v));
  })();
  return isNonNullType(type) ? value : fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant('null') });
}

function argumentsOf(args: readonly GraphQLArgument[]): fc.Arbitrary<string> {
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const optional = args.filter((a) => !required.includes(a));
  return fc.subarray(optional, { maxLength: Math.min(3, optional.length) }).chain((chosen) => {
    const all = [...required, ...chosen];
    if (all.length === 0) return fc.constant('');
    return fc.tuple(...all.map((a) => literal(a.type).map((v) => `${a.name}: ${v}`))).map((parts) => `(${parts.join(', ')})`);
  });
}

/** A selection set on `type`, at most `depth` levels deep. */
function selection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isAbstractType(type)) {
    const members = schema.getPossibleTypes(type);
    return fc
      .subarray([...members], { minLength: 1, maxLength: Math.min(2, members.length) })
      .chain((chosen) => fc.tuple(...chosen.map((m) => selection(m, depth).map((s) => `... on ${m.name} ${s}`))))
      .map((parts) => `{ __typename ${parts.join(' ')} }`);
  }
  if (!isObjectType(type)) return fc.constant('');
  const fields = Object.values(type.getFields()).filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
  const field = fc.constantFrom(...fields).chain((f) => {
    const named = getNamedType(f.type);
    const sub = isLeafType(named) ? fc.constant('') : selection(named, depth - 1);
    const alias = fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 }).map((k) => (k ? `${f.name}_${k}: ` : ''));
    return fc.tuple(alias, argumentsOf(f.args), sub).map(([al, args, s]) => `${al}${f.name}${args} ${s}`);
  });
  return fc.array(field, { minLength: 1, maxLength: 4 }).map((parts) => `{ ${parts.join(' ')} }`);
}

/** One query in ten also asks for a field or argument the schema does not have. */
const junk = fc.constantFrom('secret', 'dataVersion(foo: 1) { id }', 'article { slug }');
const query = fc.oneof(
  { weight: 9, arbitrary: selection(schema.getQueryType()!, 4) },
  { weight: 1, arbitrary: fc.tuple(selection(schema.getQueryType()!, 3), junk).map(([q, j]) => `{ ${j} ${q.slice(1)}`) },
);

describe('queries generated from the schema', () => {
  const worker = createWorker();
  beforeAll(seedKv);

  it(`keep the contract (${RUNS} runs)`, async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(query, async (source) => {
        const response = await send(worker, postJson({ query: source }));
        expect(contractViolations(response), source).toEqual([]);
        expect([200, 400], source).toContain(response.status);
        const codes = [...new Set(response.json?.errors?.map((e) => String(e.extensions?.code)) ?? ['none'])].sort();
        outcomes.set(codes.join('+'), (outcomes.get(codes.join('+')) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    console.log('outcomes by error codes:', Object.fromEntries(outcomes));
    // The generator must reach the resolvers, not only the validator: some queries run clean.
    expect(outcomes.get('none') ?? 0).toBeGreaterThan(0);
  });

  it(`random request bodies keep the contract (${RUNS} runs)`, async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.record({ query: fc.string({ maxLength: 50 }), variables: fc.jsonValue({ maxDepth: 2 }) }).map((b) => JSON.stringify(b)),
    );
    // (form-urlencoded bodies are in the hostile table: workerd logs a warning for each.)
    const contentType = fc.constantFrom('application/json', 'application/graphql+json', 'text/plain', '');
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const response = await send(worker, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: payload });
        expect(contractViolations(response)).toEqual([]);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('the worker still answers correctly afterwards', async () => {
    const response = await send(worker, postJson({ query: `{ article(slug: "${ARTICLE}") { slug people { slug } } }` }));
    expect(response.json).toEqual({
      data: { article: { slug: ARTICLE, people: [{ slug: 'vladimir-putin' }, { slug: 'kim-jong-un' }] } },
    });
  });
});

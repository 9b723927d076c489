import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA, DATA_VERSION } from './compiled-cases';
import { compiledPair, expectSameAnswer, NO_MEMO, OPERATIONS, persistedPost, type Operation } from './compiled-pair';
import { seedKv } from './helpers';

/**
 * Proof of equality, part 2: generated variables (fast-check), most of them plausible, many
 * invalid: wrong types, nulls for non-null variables, out-of-range page sizes, forged cursors
 * and IDs, unknown enum values, extra and missing variables, a variables value that is not an
 * object. Both paths must answer the same bytes, status and headers (spec 6.1.2
 * CoerceVariableValues and 6.4.1 CoerceArgumentValues decide what is an error).
 */
// Seeding writes every key of the build: allow for a busy machine.
beforeAll(seedKv, 30_000);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.string(), fc.array(fc.string(), { maxLength: 2 }));
const slug = fc.oneof(fc.constantFrom(...DATA.slugs), fc.string({ maxLength: 12 }), junk);
const language = fc.oneof(fc.constantFrom('hi', 'en', 'ru', ''), junk);
const size = fc.oneof(fc.integer({ min: -3, max: 130 }), junk);
const cursor = fc.oneof(fc.base64String({ maxLength: 40 }), fc.string({ maxLength: 20 }), junk);
const id = fc.oneof(fc.constantFrom(...DATA.ids), fc.base64String({ maxLength: 24 }), junk);
const date = fc.oneof(fc.constantFrom('2024', '2024-06', '2024-06-12', '2019-04-25', '2030-01-01', '12-06-2024'), junk);
const direction = fc.oneof(fc.constantFrom('ASC', 'DESC', 'UP'), junk);

/** An arbitrary per variable name the persisted operations use; anything JSON for the rest. */
const BY_NAME: Record<string, fc.Arbitrary<unknown>> = {
  slug,
  language,
  first: size,
  last: size,
  count: size,
  after: cursor,
  before: cursor,
  cursor,
  articlesAfter: cursor,
  id,
  ids: fc.oneof(fc.array(id, { maxLength: 6 }), fc.array(fc.constantFrom(...DATA.ids), { maxLength: 101 }), junk),
  query: fc.oneof(fc.constantFrom(...DATA.words), fc.string({ maxLength: 30 }), fc.constantFrom('"', 'language:hi', '-', '*'), junk),
  prefix: fc.oneof(fc.constantFrom(...DATA.prefixes), fc.string({ maxLength: 6 }), junk),
  filter: fc.oneof(
    fc.record(
      { language, person: slug, place: slug, organization: slug, event: slug, status: fc.constantFrom('SCHEDULED', 'COMPLETED', 'X'), publishedFrom: date, publishedTo: date, startFrom: date, startTo: date },
      { requiredKeys: [] },
    ),
    junk,
  ),
  orderBy: fc.oneof(fc.record({ direction }, { requiredKeys: [] }), junk),
  // Section and subject keys (src/model/topic-keys.ts) and article URLs (src/model/article-url.ts).
  key: fc.oneof(fc.constantFrom('no-such-section', 'tag:world'), fc.string({ maxLength: 12 }), junk),
  url: fc.oneof(fc.webUrl(), fc.constantFrom('not a url', 'https://example.com/no-such-story?utm_source=x'), fc.string({ maxLength: 20 }), junk),
  // A data version (changes) or an instant (ModifiedSince's DateTime), each the other's wrong kind.
  since: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(DATA_VERSION, '2024-06-12T00:00:00Z', '2000-01-01T05:30:00+05:30') },
    { weight: 1, arbitrary: fc.constantFrom('abcdef123456', 'v:x:a:y', '2024-06-12', '2024-06-12T24:00:00Z') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: junk },
  ),
};

function variablesOf(op: Operation): fc.Arbitrary<unknown> {
  const names = [...op.body.matchAll(/\$(\w+)\s*:/g)].map((m) => m[1]!);
  const record = fc.record(Object.fromEntries(names.map((name) => [name, maybe(BY_NAME[name] ?? fc.jsonValue())])), { requiredKeys: [] });
  const withExtra = fc.tuple(record, fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })).map(([v, extra]) => ({ ...extra, ...v }));
  return fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: withExtra }, { weight: 1, arbitrary: junk });
}

describe('compiled operations answer what graphql-js answers, for generated variables', () => {
  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', async (_, op) => {
    const pair = compiledPair(NO_MEMO);
    let compiledRuns = 0;
    await fc.assert(
      fc.asyncProperty(variablesOf(op), async (variables) => {
        if (expectSameAnswer(op, await pair('/graphql', persistedPost(op, variables)), JSON.stringify(variables))) compiledRuns += 1;
      }),
      { numRuns: 20, seed: 14 },
    );
    // Valid variables ran compiled (expectSameAnswer checks each); not every draw was invalid.
    expect(compiledRuns > 0).toBe(op.compiled);
  }, 60_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { casesOf } from './compiled-cases';
import { compiledPair, expectSameAnswer, NO_MEMO, OPERATIONS, persistedPost, sweep } from './compiled-pair';
import { seedKv } from './helpers';

/**
 * Proof of equality, part 1: every persisted operation, over the whole built data set, answers
 * byte for byte what graphql-js answers, with the same status and headers, and the compiled
 * path provably ran (tests/worker/compiled-pair.ts). Every page a first answer links to
 * (`endCursor`) is asked for too. Generated and invalid variables, and KV faults:
 * compiled-fuzz.test.ts and compiled-faults.test.ts.
 */
// Seeding writes every key of the build: allow for a busy machine.
beforeAll(seedKv, 30_000);

describe('compiled operations answer what graphql-js answers, over the data set', () => {
  it('covers every persisted operation, all but @defer compiled', () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(15);
    expect(OPERATIONS.filter((op) => !op.compiled).map((op) => op.name)).toEqual(['ArticlePageDeferred']);
  });

  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', async (_, op) => {
    const cases = casesOf(op);
    const compiledRuns = await sweep(compiledPair(NO_MEMO), op, cases);
    if (!op.compiled) expect(compiledRuns).toBe(0);
    else expect(compiledRuns).toBeGreaterThanOrEqual(cases.length - 2);
  }, 60_000);

  it('over GET (edge cache and ETag included), and a repeated request answered by the response memo', async () => {
    const pair = compiledPair();
    const article = OPERATIONS.find((op) => op.name === 'ArticlePage')!;
    const url = (tag: string) => (flag: string) =>
      `/graphql?${new URLSearchParams({ variables: JSON.stringify({ slug: 'putin-to-visit-north-korea-next-week', tag: `${flag}-${tag}` }), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: article.id } }) })}`;
    const first = await pair(url('1'));
    expect(expectSameAnswer(article, first, 'GET')).toBe(true);
    expect(first.compiled.headers.get('etag')).toBeTruthy();
    // The same URL again: the edge cache answers both, with the stored headers.
    const again = await pair(url('1'));
    expect(again.compiled.headers.get('x-cache')).toBe('HIT');
    expect(again.compiled.text).toBe(again.graphqlJs.text);
    // The same POST twice: the second is a memo hit on both sides (nothing executes).
    const post = persistedPost(article, { slug: 'putin-to-visit-north-korea-next-week' });
    expect(expectSameAnswer(article, await pair('/graphql', post), 'POST')).toBe(true);
    const memo = await pair('/graphql', post);
    expect(memo.compiled.text).toBe(memo.graphqlJs.text);
    expect(memo.compiled.headers.get('x-kv-stats')).toBe(memo.graphqlJs.headers.get('x-kv-stats'));
    expect(memo.compiled.headers.get('x-graphql-executor')).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { casesOf, DATA_DOCS, pools, type Doc } from './compiled-cases';
import { compiledPair, NO_MEMO, OPERATIONS, sweep } from './compiled-pair';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Proof of equality, part 4: the test fixtures corpus (tools/fixtures/corpus.ts, the bench's
 * generated articles) built with data/ by the real build step: lists that span several KV
 * chunks, pages followed two deep, many articles per entity, search over hundreds.
 */
const N = 120;
let pool: ReturnType<typeof pools>;

beforeAll(async () => {
  // Some stories with a canonical URL, a section and subjects, so that ArticleByUrl, SectionPage
  // and SubjectPage find some (the corpus has none).
  const SECTIONS = ['World', 'खेल', 'Business'];
  const withUrl = (f: { path: string; text: string }, i: number) =>
    i % 7 === 0
      ? { ...f, text: JSON.stringify({ ...JSON.parse(f.text), url: `https://www.example.com/story/${i}`, section: SECTIONS[i % 3], subjects: [{ name: 'politics', code: 'medtop:11000000' }, { name: i % 2 ? 'Cricket' : 'क्रिकेट' }] }) }
      : f;
  const files = [...seedFiles(), ...[...generateCorpus(N)].map(withUrl)];
  await buildAndPublish(files);
  const articles = files.filter((f) => f.path.startsWith('articles/')).map((f) => ({ type: 'Article', ...(JSON.parse(f.text) as Doc) }));
  pool = pools([...articles, ...DATA_DOCS.filter((d) => d.type !== undefined)]);
}, 60_000);

describe(`compiled operations answer what graphql-js answers, over the fixtures corpus (${N} articles)`, () => {
  it.each(OPERATIONS.filter((op) => op.compiled).map((op) => [op.name, op] as const))('%s', async (_, op) => {
    const cases = casesOf(op, pool).slice(0, 15);
    const compiledRuns = await sweep(compiledPair(NO_MEMO), op, cases, 2);
    expect(compiledRuns).toBeGreaterThanOrEqual(cases.length - 2);
  }, 60_000);
});

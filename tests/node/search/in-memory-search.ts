import { createHash } from 'node:crypto';
import { buildDataSet } from '../../../src/build/build-data-set';
import { readSourceFiles } from '../../../src/build/read-source-files';
import { decodePostings, type PostingShard } from '../../../src/search/index-format';
import { parseQuery } from '../../../src/search/parse-query';
import { queryTerms, rank } from '../../../src/search/rank';

/**
 * The search pipeline in-process, over the entries the build step produced: the same pure
 * parse and rank the worker runs, with postings taken from the built shards instead of KV.
 * For relevance tests only; reads through KV are tested in tests/worker/search.test.ts.
 */
export async function buildFixtureSearch() {
  const sources = [...readSourceFiles('data'), ...readSourceFiles('tests/fixtures/search-corpus', 'articles')];
  const result = await buildDataSet(sources, {
    builtAt: '2026-01-01T00:00:00Z',
    hash: async (t) => createHash('sha256').update(t).digest('hex'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const postings: PostingShard = {};
  const slugs: string[] = [];
  for (const { key, value } of result.data.entries) {
    if (/:s:p:\d+$/.test(key)) Object.assign(postings, value);
    const docs = /:s:d:(\d+)$/.exec(key);
    if (docs) (value as string[]).forEach((slug, i) => (slugs[Number(docs[1]) * 100 + i] = slug));
  }
  const documents = result.data.summary.articles;
  return {
    documents,
    search(q: string): string[] {
      const query = parseQuery(q);
      const needed = new Set(queryTerms(query));
      return rank(query, (t) => (needed.has(t) ? decodePostings(postings[t]) : new Map()), documents).map((r) => slugs[r.doc]!);
    },
  };
}

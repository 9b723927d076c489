import { createHash } from 'node:crypto';
import { buildDataSet } from '../../../tools/compile/build-data-set';
import { readSourceFiles } from '../../../tools/data/source-files';
import { inMemorySearch } from '../../../tools/compile/search-in-memory';

/** The real data plus the search fixture corpus, built by the real build step. */
export async function buildFixtureSearch() {
  const sources = [...readSourceFiles('data'), ...readSourceFiles('tests/fixtures/search-corpus', 'articles')];
  const result = await buildDataSet(sources, {
    builtAt: '2026-01-01T00:00:00Z',
    hash: async (t) => createHash('sha256').update(t).digest('hex'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return inMemorySearch(result.data.entries, result.data.pointer.value);
}

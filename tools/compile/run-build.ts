import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataSetStreamed } from './build-data-streamed';
import { formatProblem } from '../data/problems';
import { listSourceFiles } from '../data/source-files';
import { writeBulkJson } from './write-bulk-json';

/**
 * The build CLI (scripts/build-data.ts) as a function, so that tests and fuzzers run exactly
 * what the newsroom runs, files on disk included, without a process per run. Returns the exit
 * code: 0 built and written, 1 problems reported and nothing written.
 */
export async function runBuild(
  dataDir: string,
  outDir: string,
  io: { out: (line: string) => void; err: (line: string) => void; builtAt?: string },
): Promise<0 | 1> {
  // Streamed (search-spill.ts): the entries are built as kv-data.json is written.
  const result = await buildDataSetStreamed(listSourceFiles(dataDir), {
    builtAt: io.builtAt ?? new Date().toISOString(),
    hash: async (text) => createHash('sha256').update(text).digest('hex'),
  });

  if (!result.ok) {
    io.err(`The data in ${dataDir}/ has ${result.problems.length} problem(s); nothing was written:`);
    for (const problem of result.problems) io.err(`  ${dataDir}/${formatProblem(problem)}`);
    return 1;
  }

  const { version, entries, pointer, summary } = result.data;
  mkdirSync(outDir, { recursive: true });
  try {
    writeBulkJson(join(outDir, 'kv-data.json'), entries);
  } finally {
    result.data.dispose();
  }
  writeBulkJson(join(outDir, 'kv-pointer.json'), [pointer]);
  io.out(
    `data version ${version}: ${summary.articles} article(s), ${summary.entities} entities, ` +
      `${summary.mentions} mentions, ${summary.keys} keys, ${summary.bytes} bytes -> ${outDir}/kv-data.json`,
  );
  return 0;
}

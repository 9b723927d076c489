import { compile, type CompiledData } from './compile';
import type { Problem } from './problems';
import { readDataSet, type SourceFile } from './read-data-set';
import { validateLinks } from './validate-links';

/**
 * The whole build step, minus the disk: files in, KV entries (or every problem) out.
 * Nothing is produced unless the whole data set is valid.
 */
export async function buildDataSet(
  files: SourceFile[],
  options: { builtAt: string; hash: (text: string) => Promise<string> },
): Promise<{ ok: true; data: CompiledData } | { ok: false; problems: Problem[] }> {
  const { dataSet, problems } = readDataSet(files);
  // An embargoed story is left out of every version built before its time (ninjs
  // `embargoedUntil`); the next build after it passes publishes it.
  const now = Date.parse(options.builtAt);
  dataSet.articles = dataSet.articles.filter((a) => !a.embargoedUntil || Date.parse(a.embargoedUntil) <= now);
  problems.push(...validateLinks(dataSet));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: await compile(dataSet, options.builtAt, options.hash) };
}

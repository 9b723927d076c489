import { compile, type CompiledData, type TooLarge } from './compile';
import type { Problem } from '../data/problems';
import { readDataSet, type DataSet, type SourceFile } from '../data/read-data-set';
import { validateLinks } from '../data/validate-links';

export type BuildOptions = {
  builtAt: string;
  hash: (text: string) => Promise<string>;
  /** Told when each phase starts, for long builds (a million articles take many minutes). */
  progress?: (line: string) => void;
};
export type BuildResult<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

/** Reads and checks the files, then compiles them with `compileWith` if they are all valid. */
export async function checkedBuild<T extends object>(
  files: SourceFile[],
  options: BuildOptions,
  compileWith: (dataSet: DataSet, builtAt: string, hash: BuildOptions['hash']) => Promise<T | TooLarge>,
): Promise<BuildResult<T>> {
  const progress = options.progress ?? (() => {});
  progress(`reading and checking ${files.length} file(s)`);
  const { dataSet, problems } = readDataSet(files);
  // An embargoed story is left out of every version built before its time (ninjs
  // `embargoedUntil`); the next build after it passes publishes it.
  const now = Date.parse(options.builtAt);
  dataSet.articles = dataSet.articles.filter((a) => !a.embargoedUntil || Date.parse(a.embargoedUntil) <= now);
  problems.push(...validateLinks(dataSet));
  if (problems.length > 0) return { ok: false, problems };
  progress(`compiling ${dataSet.articles.length} article(s) into KV entries`);
  const compiled = await compileWith(dataSet, options.builtAt, options.hash);
  if ('problems' in compiled) return { ok: false, problems: compiled.problems };
  return { ok: true, data: compiled };
}

/**
 * The whole build step, minus the disk: files in, KV entries (or every problem) out, all in
 * memory (full builds use build-data-streamed.ts). Nothing is produced unless the whole data
 * set is valid.
 */
export function buildDataSet(files: SourceFile[], options: BuildOptions): Promise<BuildResult<CompiledData>> {
  return checkedBuild(files, options, compile);
}

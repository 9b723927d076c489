import { formatProblem } from '../data/problems';
import type { BuildOptions } from '../compile/build-data-set';
import { buildDelta, type Delta } from './incremental';
import type { KvWriter } from '../publish/kv-writer';
import { previousFromKv } from './previous-version';
import { publishDelta, type DeltaOptions, type DeltaResult } from './publish-delta';
import { PublishError } from '../publish/version-state';
import type { SourceFile } from '../data/read-data-set';

/**
 * Publishes changed articles the way a newsroom does all day: when KV holds a
 * published version, only what they change (tools/delta/incremental.ts, then publishDelta);
 * when it holds none, nothing here: the caller runs the full build and load (`npm run
 * data:build && npm run kv:load`), which is also what a first publish is.
 *
 * `files`: data/entities/* and the new or corrected article files; `withdrawn`: slugs taken down.
 */
export type ChangesPublished =
  | { mode: 'incremental'; delta: Delta; published: DeltaResult; ms: { build: number; publish: number } }
  | { mode: 'full-build-needed' };

export async function publishChanges(
  kv: KvWriter,
  files: SourceFile[],
  withdrawn: string[],
  options: BuildOptions,
  log: (line: string) => void = () => {},
  /** The publish's own settings (the sync log's clock and window, say). */
  deltaOptions: DeltaOptions = {},
): Promise<ChangesPublished> {
  const started = performance.now();
  const previous = await previousFromKv(kv);
  if (!previous) return { mode: 'full-build-needed' };
  log(`building the changes on version ${previous.pointer.version} (${previous.pointer.articleCount} articles)`);
  const result = await buildDelta(previous, files, withdrawn, options);
  if (!result.ok) {
    throw new PublishError(`The changed articles have ${result.problems.length} problem(s); nothing was written:\n  ${result.problems.map(formatProblem).join('\n  ')}`);
  }
  const delta = result.data;
  const built = performance.now();
  const { summary } = delta;
  log(`delta ${delta.pointer.version}: ${summary.upserted} upserted, ${summary.withdrawn} withdrawn, ${summary.keys} key(s), ${summary.bytes} byte(s), ${summary.reads} key(s) read`);
  const published = await publishDelta(kv, delta, log, deltaOptions);
  return { mode: 'incremental', delta, published, ms: { build: built - started, publish: performance.now() - built } };
}

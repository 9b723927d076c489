import { rmSync } from 'node:fs';
import { run } from './child';
import type { SizeFigures } from './report';
import { findState, saveState, stateKey, type SavedState } from './kv-state';
import { startRuntime } from './runtime';

/** What building and loading a corpus measured (bench/load-corpus.ts's line), kept with its KV state. */
export type CorpusFigures = Omit<SizeFigures, 'operations'>;

/**
 * The build's heap limit. Its live heap is about 0.5 GB per 100,000 articles (the articles
 * themselves; the search index is on disk); left to itself V8 lets the heap grow to several
 * times the live size before collecting (2.4 GB peak RSS at 100,000), so the limit is about
 * twice the live size. Past 100,000 articles it is also above V8's default (about 4 GB here).
 */
const buildHeapMb = (articles: number) => Math.max(1024, Math.ceil(articles / 100_000) * 1024);
/** The loading child also holds the batches in flight and the HTTP client's buffers: twice the build's. */
const loadHeapMb = (articles: number) => 2 * buildHeapMb(articles);

/**
 * The seed data plus `articles` generated ones, built and loaded into a bench workerd's KV, or
 * found loaded by an earlier run (bench/kv-state.ts). `stateKey`: a corpus loaded by an earlier
 * run whose inputs have since changed in ways that do not change the data (to compare code
 * before and after on the very same KV).
 */
export async function loadedCorpus(
  bundle: string,
  articles: number,
  options: { fresh?: boolean; stateKey?: string },
  log: (line: string) => void,
): Promise<SavedState<CorpusFigures>> {
  const key = options.stateKey ?? stateKey(articles);
  const saved = options.fresh ? null : findState<CorpusFigures>(key);
  if (saved) {
    log(`${articles} articles: KV state ${key} loaded by an earlier run (figures of its build)`);
    return saved;
  }
  log(`${articles} articles: building and loading KV`);
  const { kvDir, figures } = await loadCorpus<CorpusFigures>(bundle, ['--articles', String(articles)], loadHeapMb(articles));
  log(`  built in ${(figures.buildMs / 1000).toFixed(1)} s, loaded ${figures.keys} keys in ${(figures.loadMs / 1000).toFixed(1)} s`);
  try {
    return saveState(key, kvDir, figures);
  } finally {
    rmSync(kvDir, { recursive: true, force: true });
  }
}

/**
 * bench/load-corpus.ts with `args` (its progress echoed), into the KV of a bench workerd
 * started for it and stopped after: the KV directory, kept for the caller to serve and remove,
 * and the child's figures (its last line).
 */
export async function loadCorpus<T>(bundle: string, args: string[], heapMb: number): Promise<{ kvDir: string; figures: T }> {
  const runtime = await startRuntime(bundle);
  try {
    const { stdout } = await run('node', [`--max-old-space-size=${heapMb}`, '--import', 'tsx', 'bench/load-corpus.ts', ...args, '--url', runtime.url], {}, true);
    return { kvDir: runtime.kvDir, figures: JSON.parse(stdout.trim().split('\n').at(-1)!) as T };
  } finally {
    await runtime.stop({ keep: true });
  }
}

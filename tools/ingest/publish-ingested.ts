import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishChanges, type ChangesPublished } from '../delta/publish-changes';
import type { KvWriter } from '../publish/kv-writer';
import type { RawSourceFile } from '../data/read-data-set';
import { readSourceFiles } from '../data/source-files';

/**
 * `npm run ingest -- --publish` (docs/ingest.md): publishes what this ingest changed, and only
 * that, through the incremental path (tools/delta/publish-changes.ts) when KV already holds a
 * published version: the articles created or updated (read back from their files, so what is
 * published is what data/ holds) and those removed. Returns 'full-build-needed' when KV holds
 * no version yet; the caller then builds and loads everything, as a first publish does.
 *
 * Other edits to data/ (an entity added by hand, an article edited outside ingest) are not
 * in an incremental publish: the next full build (`npm run data:build && npm run kv:load`)
 * publishes them.
 */
export interface IngestedChange {
  action: string;
  slug?: string;
}

export async function publishIngested(
  kv: KvWriter,
  dataDir: string,
  changes: IngestedChange[],
  log: (line: string) => void,
): Promise<ChangesPublished | { mode: 'nothing' }> {
  const upserted = [...new Set(changes.filter((c) => c.slug && (c.action === 'created' || c.action === 'updated')).map((c) => c.slug!))];
  const removed = [...new Set(changes.filter((c) => c.slug && c.action === 'removed').map((c) => c.slug!))];
  if (upserted.length + removed.length === 0) return { mode: 'nothing' };
  const articles: RawSourceFile[] = upserted
    .map((slug) => join(dataDir, 'articles', `${slug}.json`))
    .filter((path) => existsSync(path))
    .map((path) => ({ path: `articles/${path.slice(join(dataDir, 'articles').length + 1)}`, bytes: readFileSync(path) }));
  const files = [...readSourceFiles(dataDir, 'entities'), ...articles];
  const hash = async (text: string) => createHash('sha256').update(text).digest('hex');
  return publishChanges(kv, files, removed, { builtAt: new Date().toISOString(), hash }, log);
}

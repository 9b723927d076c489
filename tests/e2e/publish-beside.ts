import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSourceFiles } from '../../tools/data/source-files';
import { publishChanges } from '../../tools/delta/publish-changes';
import type { DeltaResult } from '../../tools/delta/publish-delta';
import { openKv } from '../../tools/publish/kv-target';

/**
 * For the end-to-end files that publish while `wrangler dev` serves: a local KV of their own,
 * holding the seed as `npm run kv:load` publishes it (so the publish changes no data the other
 * files read), and stories published into it as `npm run ingest -- --publish` does (a delta).
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A fresh `--persist-to` directory with the seed published in it. */
export function seededState(prefix: string): string {
  const state = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/load-kv.ts', '--persist-to', state], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  });
  return state;
}

/** Article documents (data files) published into `state` as one delta, with data/'s entities: its version and what it wrote. */
export async function publishBeside(state: string, articles: Array<{ slug: string; [field: string]: unknown }>, builtAt: string): Promise<{ version: string; published: DeltaResult }> {
  const target = await openKv({ remote: false, persistTo: state });
  try {
    const files = [...readSourceFiles(join(ROOT, 'data'), 'entities'), ...articles.map((a) => ({ path: `articles/${a.slug}.json`, text: JSON.stringify(a) }))];
    const result = await publishChanges(target.writer, files, [], { builtAt, hash: async (text) => createHash('sha256').update(text).digest('hex') });
    if (result.mode !== 'incremental') throw new Error('expected a delta publish');
    return { version: result.delta.pointer.version, published: result.published };
  } finally {
    await target.close();
  }
}

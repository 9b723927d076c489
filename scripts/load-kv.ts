/**
 * Loads the build output into KV: every key of the new data version first, the pointer last,
 * so readers switch to the new version only once all of it is there.
 *
 *   tsx scripts/load-kv.ts [--remote] [--out DIR] [--persist-to DIR]    (local KV unless --remote;
 *   --persist-to: the local state directory a `wrangler dev --persist-to DIR` reads)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    out: { type: 'string', default: '.build' },
    'persist-to': { type: 'string' },
  },
});
/** Cloudflare's bulk write takes at most 10,000 pairs a request. */
const BATCH = 10_000;
const wrangler = join(process.cwd(), 'node_modules', '.bin', 'wrangler');
const target = values.remote ? ['--remote'] : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
const scratch = mkdtempSync(join(tmpdir(), 'kv-load-'));

function bulkPut(entries: unknown[], label: string): void {
  for (let i = 0; i < entries.length; i += BATCH) {
    const file = join(scratch, `batch-${i}.json`);
    writeFileSync(file, JSON.stringify(entries.slice(i, i + BATCH)));
    execFileSync(wrangler, ['kv', 'bulk', 'put', file, '--binding', 'NEWS', ...target], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    });
  }
  console.log(`${label}: ${entries.length} key(s) written to ${values.remote ? 'remote' : 'local'} KV`);
}

try {
  const data = JSON.parse(readFileSync(join(values.out!, 'kv-data.json'), 'utf8')) as unknown[];
  const pointer = JSON.parse(readFileSync(join(values.out!, 'kv-pointer.json'), 'utf8')) as Array<{ value: string }>;
  bulkPut(data, 'data');
  bulkPut(pointer, `pointer -> ${JSON.parse(pointer[0]!.value).version}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

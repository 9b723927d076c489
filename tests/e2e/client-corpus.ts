import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { cardCorpus, topStoriesFile } from '../../tools/fixtures/card-corpus';

/**
 * The data set the client tests page through: data/ (the seed article and its entities) plus
 * CLIENT_CORPUS_SIZE generated cards in two sections and the editors' top stories
 * (tools/fixtures/card-corpus.ts), written as a data/ folder, built by the project's own build
 * step and published by its own publish path into a local state directory that a
 * `wrangler dev --persist-to` serves. The other servers keep the seed alone.
 */
export const CLIENT_CORPUS_SIZE = 30;

const run = promisify(execFile);

export async function publishClientCorpus(root: string, scratch: string, stateDir: string): Promise<void> {
  const data = join(scratch, 'client-data');
  const out = join(scratch, 'client-build');
  cpSync(join(root, 'data'), data, { recursive: true });
  for (const file of [...cardCorpus(CLIENT_CORPUS_SIZE), topStoriesFile()]) {
    const path = join(data, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
  await run(tsx, ['scripts/build-data.ts', '--data', data, '--out', out], { cwd: root, env });
  await run(tsx, ['scripts/load-kv.ts', '--out', out, '--persist-to', stateDir], { cwd: root, env });
}

/**
 * The peer comparison alone, over a corpus an earlier `npm run bench` loaded (bench/.state/):
 *
 *   npm run bench:peer [-- --sizes 1000,100000 --seconds 5 --connections 10]
 *
 * Prints the tables `npm run bench` prints for the peer and writes them to
 * bench/results/peer-<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findState, stateKey } from '../kv-state';
import { OPERATIONS } from '../operations';
import { bundleBenchWorker, startRuntime } from '../runtime';
import { measurePeerSize } from './measure-size';
import { peerTables } from './report';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const settings = { seconds: Number(values.seconds), connections: Number(values.connections) };
const log = (message: string) => console.error(`[bench:peer ${new Date().toISOString().slice(11, 19)}] ${message}`);
const startedAt = new Date().toISOString();
const bundle = await bundleBenchWorker();
const sizes = [];
for (const articles of values.sizes!.split(',').map(Number)) {
  const state = findState(stateKey(articles));
  if (!state) throw new Error(`no loaded corpus of ${articles} articles in bench/.state/: run \`npm run bench -- --sizes ${articles}\` first`);
  const runtime = await startRuntime(bundle, state.kvDir);
  try {
    sizes.push({ articles, peer: await measurePeerSize(runtime.url, OPERATIONS, settings, log) });
  } finally {
    await runtime.stop();
  }
}
const report = [`## npm run bench:peer (${startedAt}), autocannon ${settings.connections} connections x ${settings.seconds} s`, ...sizes.map((s) => peerTables(s.articles, s.peer))].join('\n\n');
console.log(report);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/peer-${startedAt.replace(/[:.]/g, '-')}.json`, JSON.stringify({ startedAt, settings, sizes }, null, 2));

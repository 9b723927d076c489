import { mkdirSync, writeFileSync } from 'node:fs';
import { findState, stateKey } from '../kv-state';
import { OPERATIONS } from '../operations';
import { bundleBenchWorker, startRuntime } from '../runtime';
import { measurePeerSize } from './measure-size';
import { peerTables } from './report';

export interface PeerOptions {
  /** Corpus sizes an earlier `npm run bench` loaded (bench/.state/). */
  sizes: number[];
  seconds: number;
  connections: number;
}

/**
 * The peer comparison alone, over corpora an earlier `npm run bench` loaded: the tables
 * `npm run bench` prints for the peer, also written to bench/results/peer-<time>.json.
 */
export async function runPeer(options: PeerOptions, log: (message: string) => void): Promise<string> {
  const settings = { seconds: options.seconds, connections: options.connections };
  const startedAt = new Date().toISOString();
  const bundle = await bundleBenchWorker();
  const sizes = [];
  for (const articles of options.sizes) {
    const state = findState(stateKey(articles));
    if (!state) throw new Error(`no loaded corpus of ${articles} articles in bench/.state/: run \`npm run bench -- --sizes ${articles}\` first`);
    const runtime = await startRuntime(bundle, state.kvDir);
    try {
      sizes.push({ articles, peer: await measurePeerSize(runtime.url, OPERATIONS, settings, log) });
    } finally {
      await runtime.stop();
    }
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/peer-${startedAt.replace(/[:.]/g, '-')}.json`, JSON.stringify({ startedAt, settings, sizes }, null, 2));
  return [`## npm run bench:peer (${startedAt}), autocannon ${settings.connections} connections x ${settings.seconds} s`, ...sizes.map((s) => peerTables(s.articles, s.peer))].join('\n\n');
}

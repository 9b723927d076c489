import type { LoadSettings } from '../measure';
import type { Operation } from '../operations';
import { benchPort } from '../runtime';
import { measurePeer, startPeer, type PeerOperationFigures } from './compare';

/** Starts the peer over the data the worker at `url` serves, measures every operation, stops it. */
export async function measurePeerSize(
  url: string,
  operations: Operation[],
  settings: LoadSettings,
  log: (message: string) => void,
): Promise<PeerOperationFigures[]> {
  const started = performance.now();
  const peer = await startPeer(url, { plain: benchPort(2, 0), cached: benchPort(3, 0) });
  log(`  Apollo peer up in ${((performance.now() - started) / 1000).toFixed(1)} s (${peer.plain}, cached ${peer.cached})`);
  try {
    const figures: PeerOperationFigures[] = [];
    for (const op of operations) {
      const f = await measurePeer(url, peer, op, settings);
      const t = f.targets;
      log(`  ${op.name}: CPU ms/request worker executed ${t.executed.cpuMsPerRequest.toFixed(2)}, Apollo ${t.apollo.cpuMsPerRequest.toFixed(2)}`);
      figures.push(f);
    }
    return figures;
  } finally {
    peer.stop();
  }
}

/**
 * The V8 heap of the worker's isolate, asked of the runtime through the inspector port
 * `wrangler dev --inspector-port` opens (Chrome DevTools Protocol, Runtime.getHeapUsage):
 * the worker's own memory, which Cloudflare limits to 128 MB per isolate. Unlike the process
 * RSS it excludes the runtime, wrangler's proxy and socket buffers.
 */
import WebSocket from 'ws';

export interface HeapUsage {
  usedMiB: number;
  totalMiB: number;
}

const MiB = 1024 * 1024;

export function isolateHeap(inspectorPort: number, timeoutMs = 10_000): Promise<HeapUsage> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('the inspector did not answer Runtime.getHeapUsage'));
    }, timeoutMs);
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' })));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: { usedSize: number; totalSize: number } };
      if (message.id !== 1 || !message.result) return;
      clearTimeout(timer);
      ws.close();
      resolve({ usedMiB: +(message.result.usedSize / MiB).toFixed(2), totalMiB: +(message.result.totalSize / MiB).toFixed(2) });
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

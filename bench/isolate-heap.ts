/**
 * The V8 heap of the worker's isolate, asked of the runtime through its inspector (Chrome
 * DevTools Protocol, Runtime.getHeapUsage): the worker's own memory, which Cloudflare limits
 * to 128 MB per isolate. Unlike the process RSS it excludes the runtime, wrangler's proxy and
 * socket buffers. `used` is what live and not-yet-collected objects occupy; `total` is what
 * V8 has reserved for the heap, the figure that must stay under the limit.
 *
 * Two ways in: `wrangler dev --inspector-port` proxies the worker at ws://127.0.0.1:PORT/ws;
 * Miniflare's own inspector (bench/runtime.ts) serves it at ws://localhost:PORT/core:user:NAME.
 */
import WebSocket from 'ws';

export interface HeapUsage {
  usedMiB: number;
  totalMiB: number;
}

const MiB = 1024 * 1024;
const toUsage = (r: { usedSize: number; totalSize: number }): HeapUsage => ({
  usedMiB: +(r.usedSize / MiB).toFixed(2),
  totalMiB: +(r.totalSize / MiB).toFixed(2),
});

/** One reading through wrangler dev's inspector proxy (bench/load.ts). */
export async function isolateHeap(inspectorPort: number): Promise<HeapUsage> {
  const inspector = await Inspector.connect(`ws://127.0.0.1:${inspectorPort}/ws`);
  try {
    return await inspector.heap();
  } finally {
    inspector.close();
  }
}

/** An open inspector session: readings every few hundred ms cost no new connection. */
export class Inspector {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    ws.on('close', () => {
      for (const w of this.waiting.values()) w.reject(new Error('the inspector closed'));
      this.waiting.clear();
    });
  }

  static connect(url: string, timeoutMs = 10_000): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`the inspector at ${url} did not answer`));
      }, timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new Inspector(ws));
      });
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** A Chrome DevTools Protocol command (bench/profile-request.ts sends Profiler.*). */
  call<T>(method: string, params: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`the inspector did not answer ${method}`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async heap(): Promise<HeapUsage> {
    return toUsage(await this.call<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage'));
  }

  /**
   * Reads the heap every `everyMs` until stopped; returns the readings' peaks. A reading that
   * fails (the runtime busy past the timeout) is skipped, not fatal.
   */
  track(everyMs = 250): { stop: () => Promise<{ peakUsedMiB: number; peakTotalMiB: number; samples: number }> } {
    let peakUsedMiB = 0;
    let peakTotalMiB = 0;
    let samples = 0;
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          const h = await this.heap();
          peakUsedMiB = Math.max(peakUsedMiB, h.usedMiB);
          peakTotalMiB = Math.max(peakTotalMiB, h.totalMiB);
          samples += 1;
        } catch {
          // skipped
        }
        await new Promise((r) => setTimeout(r, everyMs));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return { peakUsedMiB, peakTotalMiB, samples };
      },
    };
  }

  close(): void {
    this.ws.close();
  }
}

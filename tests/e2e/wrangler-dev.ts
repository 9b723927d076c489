import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Runs the real `wrangler dev` (the wrangler, miniflare and workerd that `npm start` and
 * `wrangler deploy` use) on a free port the OS picks, with an inspector port of its own and a
 * local state directory of its own (`--persist-to`), so parallel runs never collide.
 */
export interface DevServer {
  /** Such as http://127.0.0.1:41234 */
  origin: string;
  stop(): Promise<void>;
}

const READY = /Ready on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

/** A port nobody listens on now (the OS picks it; the tiny race is acceptable for a test server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
// A last resort if the test run dies without its teardown: never leave a server behind.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export async function startWranglerDev(options: { vars: Readonly<Record<string, string>>; stateDir: string; root: string }): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort)];
  args.push('--persist-to', options.stateDir, '--show-interactive-dev-session=false');
  for (const [name, value] of Object.entries(options.vars)) args.push('--var', `${name}:${value}`);
  // Its own process group (detached), so stopping it also stops workerd, wrangler's child.
  const child = spawn(join(options.root, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: options.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' },
  });
  running.add(child);
  const stop = async () => {
    if (!running.delete(child)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  let log = '';
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler dev did not start in ${START_TIMEOUT_MS} ms:\n${log}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const ready = READY.exec(log);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`wrangler dev exited (${code}) before it was ready:\n${log}`)));
    });
    // Keep draining its output so a full pipe never blocks it.
    child.stdout!.resume();
    child.stderr!.resume();
    return { origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
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

/**
 * A port nobody listens on now (the OS picks it; the tiny race is acceptable for a test server).
 * E2E_PORTS=FROM-TO keeps every server in that range instead, for machines where parallel
 * runs are each given their own ports.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.E2E_PORTS ?? '');
  if (!range) return listenOn(0);
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (taken.has(port)) continue;
    taken.add(port);
    const free = await listenOn(port).then(() => true, () => false);
    if (free) return port;
  }
  throw new Error(`E2E_PORTS=${process.env.E2E_PORTS}: no free port left in the range`);
}
const taken = new Set<number>();

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) killGroup(child, 'SIGKILL');
};
// A last resort if the test run ends without its teardown (an exit, Ctrl-C, a CI job killed):
// the servers run in process groups of their own, so nothing else would stop them. After
// killing them the signal is raised again, so the run still ends as the signal says.
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** `logFile`: everything the server prints (the worker's console lines among it) is appended there. */
export async function startWranglerDev(options: { vars: Readonly<Record<string, string>>; stateDir: string; root: string; logFile?: string }): Promise<DevServer> {
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
    if (options.logFile) {
      const file = options.logFile;
      appendFileSync(file, log);
      child.stdout!.on('data', (chunk: Buffer) => appendFileSync(file, chunk));
      child.stderr!.on('data', (chunk: Buffer) => appendFileSync(file, chunk));
    }
    return { origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

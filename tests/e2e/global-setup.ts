import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { publishClientCorpus } from './client-corpus';
import { serverConfigs, type ServerConfig } from './servers';
import { startWranglerDev, type DevServer } from './wrangler-dev';

export interface RunningServer extends ServerConfig {
  origin: string;
  /** What the server printed so far (its console lines: the request log). */
  logFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: RunningServer[];
    /** wrangler.toml's vars (production) over the larger data set of client-corpus.ts. */
    clientServer: RunningServer;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Seeds one local state directory with the real build output through the project's own
 * publishing path (`npm run kv:load -- --persist-to DIR`, as `npm start` does), copies it for
 * each server, starts them, and stops them afterwards, whether the tests passed or not. The
 * client tests get a production server of their own over a larger data set (client-corpus.ts),
 * built while the seed is published.
 */
export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), 'edge-news-e2e-'));
  const started: DevServer[] = [];
  const teardown = async () => {
    await Promise.all(started.map((server) => server.stop()));
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const seeded = join(scratch, 'seeded');
    const clientState = join(scratch, 'client-server');
    const production = serverConfigs().find((c) => c.name === 'production')!;
    const clientLog = join(scratch, 'client-server.log');
    const clientServer = publishClientCorpus(root, scratch, clientState).then(async () => {
      const server = await startWranglerDev({ vars: production.flags, stateDir: clientState, root, logFile: clientLog });
      started.push(server);
      return server;
    });
    // Awaited below; a failure meanwhile must not count as unhandled.
    clientServer.catch(() => undefined);
    execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/load-kv.ts', '--persist-to', seeded], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    });
    const servers = await Promise.all(
      serverConfigs().map(async (config, i) => {
        const stateDir = join(scratch, `server-${i}`);
        cpSync(seeded, stateDir, { recursive: true });
        const logFile = join(scratch, `server-${i}.log`);
        const server = await startWranglerDev({ vars: config.flags, stateDir, root, logFile });
        started.push(server);
        return { ...config, origin: server.origin, logFile };
      }),
    );
    project.provide('servers', servers);
    project.provide('clientServer', { ...production, name: 'production, client corpus', origin: (await clientServer).origin, logFile: clientLog });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

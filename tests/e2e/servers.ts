import { readFileSync } from 'node:fs';

/**
 * The configurations the end-to-end suite starts `wrangler dev` with. Vars are read from where
 * they are set for real (wrangler.toml `[vars]`, package.json's `start` script), not copied.
 *
 * - `production`: wrangler.toml's vars as they are: persisted operations only, errors masked,
 *   rate limit on.
 * - `production, arbitrary queries, graphql-js`: the same with ALLOW_ARBITRARY_QUERIES=true, which
 *   lets the GraphQL-over-HTTP audit and the hostile-request table send their own documents, and
 *   COMPILED_OPERATIONS=off, so persisted operations run on graphql-js there (the compiled
 *   answers of `production` are compared with them).
 * - `npm start`: wrangler.toml's vars with the `--var` flags of `npm start`.
 */
export interface ServerConfig {
  name: string;
  /** `--var` flags given to wrangler dev (over wrangler.toml's). */
  flags: Record<string, string>;
  /** The vars the worker sees: wrangler.toml's with the flags over them. */
  vars: Record<string, string>;
}

const root = new URL('../../', import.meta.url);

/** wrangler.toml's `[vars]` (flat `NAME = "value"` lines, as that file writes them). */
export function wranglerTomlVars(): Record<string, string> {
  const toml = readFileSync(new URL('wrangler.toml', root), 'utf8');
  const section = /^\[vars\]\n([\s\S]*?)(?=^\[)/m.exec(toml)?.[1] ?? '';
  return Object.fromEntries([...section.matchAll(/^([A-Z_]+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1]!, m[2]!]));
}

/** The `--var NAME:value` flags of package.json's `start` script. */
export function npmStartVars(): Record<string, string> {
  const start = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return Object.fromEntries([...start.matchAll(/--var ([A-Z_]+):(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

export function serverConfigs(): ServerConfig[] {
  const toml = wranglerTomlVars();
  const configs: Array<Omit<ServerConfig, 'vars'>> = [
    { name: 'production', flags: {} },
    // Also the graphql-js path for persisted operations (COMPILED_OPERATIONS off), which
    // tests/e2e/compiled-operations.test.ts compares the compiled answers of `production` with.
    { name: 'production, arbitrary queries, graphql-js', flags: { ALLOW_ARBITRARY_QUERIES: 'true', COMPILED_OPERATIONS: 'off' } },
    { name: 'npm start', flags: npmStartVars() },
  ];
  return configs.map((c) => ({ ...c, vars: { ...toml, ...c.flags } }));
}

/** Whether a server's vars hold every one of `wanted`. */
export function matches(vars: Readonly<Record<string, string>>, wanted: Readonly<Record<string, string>>): boolean {
  return Object.entries(wanted).every(([name, value]) => vars[name] === value);
}

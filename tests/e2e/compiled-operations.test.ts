import { describe, expect, inject, it } from 'vitest';
import compiled from '../../src/graph/compiled/operations.gen';
import manifest from '../../src/graph/persisted-operations.gen';
import { casesOf, type Operation } from '../worker/compiled-cases';

/**
 * Against the real `wrangler dev`: the `production` server runs persisted operations compiled
 * (COMPILED_OPERATIONS "on", wrangler.toml's default), the `graphql-js` one with it "off";
 * both serve the same data. Every persisted operation, a few cases each: the same bytes, status
 * and headers, except what depends on each server's own history (its isolate cache, x-kv-stats;
 * its edge cache, x-cache) and the header that names the path that ran.
 */
const servers = inject('servers');
const on = servers.find((s) => s.name === 'production')!;
const off = servers.find((s) => s.vars.COMPILED_OPERATIONS === 'off')!;
/** src/plugins/use-compiled-operations.ts's COMPILED_HEADER (that module is the worker's, not Node's). */
const COMPILED_HEADER = 'x-graphql-executor';
const OWN_HISTORY = new Set(['x-kv-stats', 'x-cache', COMPILED_HEADER, 'date']);

const operations: Operation[] = Object.entries(manifest).map(([id, body]) => ({ id, body, name: /query\s+(\w+)/.exec(body)![1]!, compiled: id in compiled }));

const post = (origin: string, op: Operation, variables: unknown) =>
  fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: op.id } } }),
  });
const headers = (response: Response) => [...response.headers].filter(([name]) => !OWN_HISTORY.has(name)).sort(([a], [b]) => a.localeCompare(b));

describe('compiled persisted operations against wrangler dev', () => {
  it.each(operations.map((op) => [op.name, op] as const))('%s answers what graphql-js answers', async (_, op) => {
    // A variable no operation declares (ignored, spec 6.1.2) makes each request new to both
    // servers' response memos, which other suites may have filled: a memo hit executes nothing.
    const fresh = `${Date.now()}`;
    const cases = [...new Set([...casesOf(op).slice(0, 3), { slug: 7 }].map((v) => JSON.stringify({ ...v, fresh })))];
    for (const variables of cases.map((text) => JSON.parse(text) as Record<string, unknown>)) {
      const [a, b] = await Promise.all([post(on.origin, op, variables), post(off.origin, op, variables)]);
      const [textA, textB] = await Promise.all([a.text(), b.text()]);
      expect(textA, JSON.stringify(variables)).toBe(textB);
      expect(a.status).toBe(b.status);
      expect(headers(a)).toEqual(headers(b));
      expect(b.headers.get(COMPILED_HEADER)).toBeNull();
      const executed = 'data' in (JSON.parse(textA) as object);
      expect(a.headers.get(COMPILED_HEADER) === 'compiled').toBe(op.compiled && executed);
    }
  });
});

/**
 * The worker as the benchmark runs it: the production worker (createWorker, unchanged) plus
 * routes that exist only in this bench-only entry module, never in src/index.ts:
 *
 *   POST /graphql           the production worker, one isolate state for the whole run (warm)
 *   POST /__graphql-js/graphql  a second warm production worker with COMPILED_OPERATIONS=off:
 *                           persisted operations executed by graphql-js, not compiled code
 *   POST /__cold/graphql    the production worker with fresh isolate state for every request:
 *                           empty document cache, pointer unread, new yoga instance (cold)
 *   GET  /__floor/kv?key=K  the floor: the stored bytes of K, one KV read, no GraphQL
 *   GET  /__floor/memory?key=K   the same bytes from module memory, no KV read
 *   POST /__bench/put       writes a batch of [{key, value}] to KV (loading the corpus)
 *   GET  /__bench/entries?prefix=P&cursor=C   up to 1,000 keys under P with their stored
 *                           text, and the cursor of the next page: how the Apollo peer
 *                           (bench/peer/) reads the very documents the worker serves
 *   GET  /__bench/caches    the warm isolate's cache accounts: entries, bytes, evictions
 *   GET|POST /__probe/graphql  whether the warm worker keeps an answer for this request and
 *                           whether it holds now (kept-probe.ts), without touching it
 */
import { createWorker } from '../../src/worker';
import { keptProbe } from './kept-probe';

const warm = createWorker();
const interpreted = createWorker();
/** The env of the graphql-js worker: made once, since the worker reads its config per env object. */
let interpretedEnv: Env | undefined;
const memory = new Map<string, string>();
const json = { 'content-type': 'application/graphql-response+json; charset=utf-8' };

async function floor(url: URL, env: Env, fromMemory: boolean): Promise<Response> {
  const key = url.searchParams.get('key') ?? '';
  let body = fromMemory ? memory.get(key) : undefined;
  if (body === undefined) {
    body = (await env.NEWS.get(key, 'text')) ?? undefined;
    if (body === undefined) return new Response('no such floor key', { status: 404 });
    if (fromMemory) memory.set(key, body);
  }
  return new Response(body, { headers: json });
}

/** One page of KV keys with their values; bulk reads of 100 keys, KV's limit per get. */
async function entries(url: URL, env: Env): Promise<Response> {
  const page = await env.NEWS.list({ prefix: url.searchParams.get('prefix') ?? '', cursor: url.searchParams.get('cursor') || undefined });
  const names = page.keys.map((k) => k.name);
  const values: Array<{ key: string; value: string | null }> = [];
  for (let i = 0; i < names.length; i += 100) {
    const batch = names.slice(i, i + 100);
    const texts = await env.NEWS.get(batch, 'text');
    for (const key of batch) values.push({ key, value: texts.get(key) ?? null });
  }
  return Response.json({ entries: values, cursor: page.list_complete ? null : page.cursor });
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/__cold/graphql':
        return createWorker().fetch(new Request(new URL('/graphql', url), request) as typeof request, env, ctx);
      case '/__graphql-js/graphql':
        interpretedEnv ??= { ...env, COMPILED_OPERATIONS: 'off' } as Env;
        return interpreted.fetch(new Request(new URL('/graphql', url), request) as typeof request, interpretedEnv, ctx);
      case '/__floor/kv':
        return floor(url, env, false);
      case '/__floor/memory':
        return floor(url, env, true);
      case '/__bench/caches': {
        const isolate = warm.isolate();
        return Response.json(isolate ? { documents: isolate.documents.stats, responses: isolate.responses.stats } : {});
      }
      case '/__probe/graphql':
        return Response.json(await keptProbe(new Request(new URL(`/graphql${url.search}`, url), request), env, warm.isolate()));
      case '/__bench/put': {
        const entries = (await request.json()) as Array<{ key: string; value: string }>;
        await Promise.all(entries.map((e) => env.NEWS.put(e.key, e.value)));
        return new Response(String(entries.length));
      }
      case '/__bench/entries':
        return entries(url, env);
      default:
        return warm.fetch(request, env, ctx);
    }
  },
} satisfies ExportedHandler<Env>;

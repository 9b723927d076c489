/**
 * Micro-variants of a fixed-cost answer (bench/fixed-cost/run.ts): the same small JSON answer
 * from module memory, each variant adding one step a memo hit takes that the floor
 * (bench/worker/floor-worker.ts) does not, so that workerd's CPU per request tells which steps
 * cost. Every variant but `floor` sent by GET reads the POSTed body first (see fetch below), so
 * `text` is the baseline of the others. Bench-only: never in src/.
 */
const ANSWER = JSON.stringify({ data: { node: { __typename: 'Person', id: 'UGVyc29uOmtpbS1qb25nLXVu', name: 'किम जोंग उन', wikidataId: 'Q56226' } } });
const BYTES = new TextEncoder().encode(ANSWER);
const TYPE = 'application/graphql-response+json; charset=utf-8';
const SIX = {
  'content-type': TYPE,
  'x-cache': 'BYPASS',
  'x-kv-stats': 'version-reads=0, round-trips=0, operations=0, keys=0, bytes=0, cache-hits=0',
  'x-memo': 'HIT',
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, x-cache, x-data-version, x-kv-stats, x-memo, x-graphql-executor',
};
let six: Headers | undefined;

const variants: Record<string, (request: Request) => Promise<Response> | Response> = {
  // The floor as the per-operation bench has it.
  floor: () => new Response(ANSWER, { headers: { 'content-type': TYPE } }),
  bytes: () => new Response(BYTES, { headers: { 'content-type': TYPE } }),
  text: async (request) => (await request.text(), new Response(ANSWER, { headers: { 'content-type': TYPE } })),
  url: (request) => (new URL(request.url), new Response(ANSWER, { headers: { 'content-type': TYPE } })),
  'headers-get': (request) => {
    for (const name of ['accept', 'content-type', 'content-length', 'origin', 'cf-connecting-ip']) request.headers.get(name);
    return new Response(ANSWER, { headers: { 'content-type': TYPE } });
  },
  'six-dict': () => new Response(ANSWER, { status: 200, headers: SIX }),
  'six-headers': () => new Response(ANSWER, { status: 200, headers: (six ??= new Headers(SIX)) }),
  'six-set': () => {
    const response = new Response(ANSWER, { status: 200, headers: { 'content-type': TYPE } });
    for (const [name, value] of Object.entries(SIX).slice(1)) response.headers.set(name, value);
    return response;
  },
  awaits: async () => {
    for (let i = 0; i < 8; i++) await Promise.resolve(i);
    return new Response(ANSWER, { headers: { 'content-type': TYPE } });
  },
};

export default {
  async fetch(request: Request): Promise<Response> {
    const variant = variants[new URL(request.url).pathname.slice(1)];
    if (!variant) return new Response('no such variant', { status: 404 });
    // Every variant reads a POST's body, as a memo hit does: one left unread cost workerd
    // about 0.15 ms a request more than one read (this bench's first run), which would hide
    // every step measured here.
    if (request.method === 'POST' && variant !== variants.text) await request.text();
    return variant(request);
  },
};

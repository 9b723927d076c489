import { MAX_KEY_CHARS, memoAnswer, memoKey } from '../http/response-memo';
import type { VersionPointer } from '../model/documents';
import { rateLimited } from '../http/rate-limit';
import type { Stage } from './exchange';
import { earlyAnswer } from './headers';

/**
 * The memo stage: a GraphQL request the isolate has answered before is answered again from
 * the text the miss left (src/plugins/use-response-memo.ts, key and rules in
 * src/http/response-memo.ts), at its version or a later one where nothing it read changed:
 * no yoga, no parse, no validation, no execution. A miss passes
 * on with its key and the body read for it. Bodies longer than MAX_KEY_CHARS, or of unknown
 * length, pass on unread.
 */
export const memoStage: Stage = async (exchange, next) => {
  const { request, facts, reader, isolate } = exchange;
  const { method, url, mediaType } = facts;
  if (mediaType === null || url.pathname !== '/graphql') return next();
  let body = '';
  if (method === 'POST') {
    const read = await readUpTo(request, MAX_KEY_CHARS);
    if (read.text === undefined) {
      if (read.request) exchange.yogaRequest = () => read.request!;
      return next();
    }
    body = read.text;
    exchange.body = body;
  } else if (method !== 'GET' || url.search.length > MAX_KEY_CHARS) {
    return next();
  }
  // The body was read for the key: yoga gets it back only when it needs it (a hit needs no copy).
  let copy: Request | undefined;
  if (method === 'POST') exchange.yogaRequest = () => (copy ??= new Request(request, { body }));
  let pointer: VersionPointer;
  try {
    pointer = await reader.pointer();
  } catch {
    // Nothing published or KV failing: yoga answers with the store's error.
    return next();
  }
  const key = memoKey(method, mediaType, request.headers.get('content-type') ?? '', url, body, facts.languages);
  const kept = await memoAnswer(isolate.responses, key, pointer);
  if (kept === undefined) {
    exchange.miss = { key, mediaType, body };
    return next();
  }
  // Counted like any request yoga answers: only edge-cache hits are free of the limit.
  const refused = await rateLimited(request, exchange.config.rateLimit);
  if (refused) return refused;
  exchange.memoHit = true;
  exchange.answered = kept.reads;
  return earlyAnswer(exchange, 'memo', kept.text, mediaType);
};

/**
 * The body as text when it has at most `max` bytes. A Content-Length over `max` is not read
 * at all; a body of unknown length is read up to `max` bytes, and when longer, the request to
 * hand on is returned with the bytes read followed by the rest.
 */
async function readUpTo(request: Request, max: number): Promise<{ text?: string; request?: Request }> {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) <= max ? { text: await request.text() } : {};
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > max) {
      const rest = new ReadableStream<Uint8Array>({
        start: (controller) => chunks.forEach((c) => controller.enqueue(c)),
        pull: async (controller) => {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
      return { request: new Request(request, { body: rest }) };
    }
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((at, c) => (bytes.set(c, at), at + c.byteLength), 0);
  return { text: new TextDecoder().decode(bytes) };
}

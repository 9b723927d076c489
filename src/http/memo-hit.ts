import type { RateLimitSettings } from '../config';
import type { LruCache } from '../store/lru-cache';
import type { NewsReader } from '../store/news-reader';
import { stringBytes } from '../store/string-bytes';
import { rateLimited } from './rate-limit';
import { requestFacts, type RequestFacts } from './request-facts';

/**
 * The response memo's hit path, in the fetch handler before yoga (issue 14, item 3).
 *
 * Every answer is a function of the data version and the request's bytes (data versions are
 * immutable, the API is read-only, yoga's configuration is fixed for the isolate), so a
 * request the isolate has answered before is answered again from the serialized text the
 * miss left behind (src/plugins/use-response-memo.ts): no yoga, no parse, no validation, no
 * execution. Why here and not in a yoga plugin: `npm run bench` measured a memo hit inside
 * yoga at 0.43x the throughput of the workerd floor; yoga's request pipeline (parsing the
 * body, the params, the plugin chain, the result processor) cost more than the hit itself.
 *
 * The key is the request as sent: data version, method, negotiated media type (it decides
 * the content type: src/http/media-type.ts), content type, path and query string, body.
 * Identical bytes, identical answer; nothing is inferred from parsing, so a request yoga
 * would refuse can never be answered from an entry another spelling filled. Bodies larger
 * than MAX_KEY_CHARS, or of unknown length, are left to yoga unread.
 */
export const MAX_KEY_CHARS = 16 * 1024;

/**
 * Marks an answer of the memo's early path (set by the worker, after the edge cache, which
 * rebuilds the headers it stores): the tests and the bench tell hits apart by it.
 */
export const MEMO_HEADER = 'x-memo';

export interface MemoLookup {
  /** The memo key of the request, or undefined when it is not memoizable. */
  key?: string;
  /** The answer of a hit (or the rate limit's 429); absent on a miss. */
  response?: Response;
  /** True when `response` is the memo's answer (the worker marks it with MEMO_HEADER). */
  hit?: boolean;
  /** The request for yoga on a miss (its body re-attached when it was read for the key). */
  request: Request;
  /** The media type the answer will have: yoga's answer is kept only when it has this one. */
  mediaType?: string;
  /** On a miss with a key: the body read for it ('' for a GET), for the early compiled path (compiled-early.ts). */
  body?: string;
}

export interface MemoOptions {
  reader: NewsReader;
  memo: LruCache<string>;
  rateLimit?: RateLimitSettings;
  /**
   * Makes a hit's response from the kept text and its media type; by default a 200 with the
   * content type only, what yoga's result processor sends (the worker adds its headers after).
   */
  respond?: (text: string, mediaType: string) => Response;
}

/** Exactly the headers yoga's result processor sends for a result (regular.js: content type only). */
export const plainAnswer = (text: string, mediaType: string): Response =>
  new Response(text, { status: 200, headers: { 'content-type': `${mediaType}; charset=utf-8` } });

export async function lookUpMemo(
  request: Request,
  options: MemoOptions,
  { method, url, mediaType }: RequestFacts = requestFacts(request),
): Promise<MemoLookup> {
  if (mediaType === null || url.pathname !== '/graphql') return { request };
  let body = '';
  if (method === 'POST') {
    const read = await readUpTo(request, MAX_KEY_CHARS);
    if (read.text === undefined) return { request: read.request ?? request };
    body = read.text;
  } else if (method !== 'GET' || url.search.length > MAX_KEY_CHARS) {
    return { request };
  }
  // The body was read for the key: yoga gets it back only on a miss (a hit needs no copy).
  const forYoga = () => (method === 'POST' ? new Request(request, { body }) : request);
  let version: string;
  try {
    version = (await options.reader.dataVersion()).version;
  } catch {
    // Nothing published or KV failing: yoga answers with the store's error, as ever.
    return { request: forYoga() };
  }
  const contentType = request.headers.get('content-type') ?? '';
  const key = [version, method, mediaType, contentType, url.pathname + url.search, body].join('\u0000');
  const text = options.memo.get(key);
  if (text === undefined) {
    // Made only when yoga needs it: the early compiled path answers without a copy.
    let copy: Request | undefined;
    return { key, mediaType, body, get request() { return (copy ??= forYoga()); } };
  }
  // Counted like any request yoga answers: only edge-cache hits are free of the limit.
  const refused = await rateLimited(request, options.rateLimit);
  if (refused) return { key, request, response: refused };
  return { key, request, response: (options.respond ?? plainAnswer)(text, mediaType), hit: true };
}

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

/**
 * Keeps a serialized answer under its request's key, if yoga answered it as the hit path will:
 * 200 with the negotiated media type (not a stream, not an error status).
 */
export function rememberAnswer(memo: LruCache<string>, lookup: { key: string; mediaType: string }, response: Response, text: string): void {
  if (response.status !== 200 || response.headers.get('content-type') !== `${lookup.mediaType}; charset=utf-8`) return;
  keepAnswer(memo, lookup.key, text);
}

/** Keeps an answer known to be what the hit path sends (the early compiled path's own 200s). */
export function keepAnswer(memo: LruCache<string>, key: string, text: string): void {
  memo.set(key, text, stringBytes(text));
}

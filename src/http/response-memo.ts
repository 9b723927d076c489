import type { LruCache } from '../store/lru-cache';
import { stringBytes } from '../store/string-bytes';

/**
 * The response memo's policy: what a request's answer is kept under and which answers are kept.
 * Every answer is a function of the data version and the request's bytes (data versions are
 * immutable, the API is read-only, yoga's configuration is fixed for the isolate), so the key
 * is those bytes as sent: data version, method, negotiated media type (it decides the content
 * type), content type, path and query string, body. Nothing is inferred from parsing, so a
 * request yoga would refuse can never be answered from an entry another spelling filled.
 */
export function memoKey(version: string, method: string, mediaType: string, contentType: string, url: URL, body: string): string {
  return [version, method, mediaType, contentType, url.pathname + url.search, body].join('\u0000');
}

/** Bodies (and GET query strings) longer than this are not memoized: they are left unread. */
export const MAX_KEY_CHARS = 16 * 1024;

/** Exactly the headers yoga's result processor sends for a result (regular.js: content type only). */
export const plainAnswer = (text: string, mediaType: string): Response =>
  new Response(text, { status: 200, headers: { 'content-type': `${mediaType}; charset=utf-8` } });

/**
 * Keeps a serialized answer under its request's key, if yoga answered it as the memo stage
 * will: 200 with the negotiated media type (not a stream, not an error status).
 */
export function rememberAnswer(memo: LruCache<string>, lookup: { key: string; mediaType: string }, response: Response, text: string): void {
  if (response.status !== 200 || response.headers.get('content-type') !== `${lookup.mediaType}; charset=utf-8`) return;
  keepAnswer(memo, lookup.key, text);
}

/** Keeps an answer known to be what the memo stage sends (the compiled stage's own 200s). */
export function keepAnswer(memo: LruCache<string>, key: string, text: string): void {
  memo.set(key, text, stringBytes(text));
}

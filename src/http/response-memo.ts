import { answerReadsBytes, stillHolds, type AnswerReads } from '../model/answer-reads';
import type { VersionPointer } from '../model/documents';
import type { KeptAnswers } from '../store/kept-answers';
import { packedBytes, packText, unpackText } from '../store/packed-text';

/**
 * The response memo's policy: what a request's answer is kept under and which answers are kept.
 * Every answer is a function of the data it read and the request's bytes (the API is read-only,
 * yoga's configuration is fixed for the isolate), so the key is those bytes as sent: method,
 * negotiated media type (it decides the content type), content type, the Accept-Language
 * preferences as parsed (localized fields follow them), origin (the ninjs and
 * JSON-LD fields write absolute URLs from it), path and query string, body. Nothing is inferred from parsing, so a request yoga would refuse can never be answered
 * from an entry another spelling filled. The data version is not in the key: an entry keeps
 * what its answer read (src/model/answer-reads.ts) and is served at a later version only when
 * nothing it read changed since; otherwise the request is answered afresh and replaces it.
 */
export function memoKey(method: string, mediaType: string, contentType: string, url: URL, body: string, languages: readonly string[]): string {
  return [method, mediaType, contentType, url.origin + url.pathname + url.search, body, languages.join(',')].join('\u0000');
}

/** Bodies (and GET query strings) longer than this are not memoized: they are left unread. */
export const MAX_KEY_CHARS = 16 * 1024;

/** Exactly the headers yoga's result processor sends for a result (regular.js: content type only). */
export const plainAnswer = (text: string, mediaType: string): Response =>
  new Response(text, { status: 200, headers: { 'content-type': `${mediaType}; charset=utf-8` } });

/**
 * The kept answer for `key` if it holds at `pointer`'s version, unpacked; one found to hold is
 * moved to that version, so the next request checks nothing.
 */
export async function memoAnswer(memo: KeptAnswers, key: string, pointer: VersionPointer): Promise<{ text: string; reads: AnswerReads } | undefined> {
  const kept = memo.get(key);
  if (!kept || !stillHolds(kept.reads, pointer)) return undefined;
  if (kept.reads.version !== pointer.version) kept.reads = { ...kept.reads, version: pointer.version };
  return { text: await unpackText(kept.packed), reads: kept.reads };
}

/**
 * Keeps a serialized answer under its request's key, if yoga answered it as the memo stage
 * will: 200 with the negotiated media type (not a stream, not an error status).
 */
export function rememberAnswer(memo: KeptAnswers, lookup: { key: string; mediaType: string }, response: Response, text: string, reads: AnswerReads | null): Promise<void> {
  if (response.status !== 200 || response.headers.get('content-type') !== `${lookup.mediaType}; charset=utf-8`) return Promise.resolve();
  return keepAnswer(memo, lookup.key, text, reads);
}

/** Keeps an answer known to be what the memo stage sends (the compiled stage's own 200s), packed; its reads count in the budget. */
export async function keepAnswer(memo: KeptAnswers, key: string, text: string, reads: AnswerReads | null): Promise<void> {
  if (!reads) return;
  const packed = await packText(text);
  memo.set(key, { packed, reads }, packedBytes(packed) + answerReadsBytes(reads));
}

import { ErrorCode } from '../errors';
import { corsHeaders } from '../http/cors';
import { errorBody } from '../http/error-codes';
import { rateLimited } from '../http/rate-limit';
import { NoDataVersion } from '../model/domain-errors';
import { commentText, eventText, parseListNames, retryText, versionEvent, type NamedLists } from '../model/update-events';
import type { ChangeTuple } from '../model/changes';
import { isVersionId } from '../model/sync-log';
import type { VersionPointer } from '../model/version-pointer';
import type { NewsReader } from '../store/news-reader';
import type { Exchange, Stage } from './exchange';

export const UPDATES_PATH = '/updates';
/** What a client waits before reconnecting: after a stream's natural end, and when the isolate is full. */
const RECONNECT_MS = 3_000;
const FULL_RETRY_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GET /updates: server-sent events of new data versions (src/model/update-events.ts), for a
 * feed's "new stories" banner or a push relay. Each stream polls the pointer as a new request
 * would (src/store/kv-store.ts: at most one KV read per VERSION_CHECK_SECONDS per isolate,
 * shared by every stream it holds; workerd lets no request write another's stream, so each
 * stream polls in its own request), sends a comment every UPDATES_HEARTBEAT_SECONDS, and ends
 * after UPDATES_MAX_SECONDS with a `retry:` so EventSource reconnects with `Last-Event-ID`
 * and hears what it missed. An isolate holds at most UPDATES_MAX_STREAMS: past that a client
 * is told to come back later (a 200 with `retry:`, because EventSource does not reconnect
 * after an error status).
 */
export const updatesStage: Stage = async (exchange, next) => {
  const { facts, request, config, isolate } = exchange;
  if (facts.url.pathname !== UPDATES_PATH) return next();
  const cors = corsHeaders(request, config.corsOrigins);
  const json = (status: number, code: string, message: string, extra: Record<string, string> = {}) => {
    exchange.errorCodes.push(code);
    return new Response(errorBody(message, code), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors, ...extra },
    });
  };
  if (facts.method !== 'GET') return json(405, ErrorCode.BAD_REQUEST, 'GET /updates opens a stream of server-sent events; no other method.', { allow: 'GET' });
  const named = parseListNames(facts.url.searchParams.get('lists'));
  if ('error' in named) return json(400, ErrorCode.BAD_REQUEST, named.error);
  const limited = await rateLimited(request, config.rateLimit);
  if (limited) {
    exchange.errorCodes.push(ErrorCode.RATE_LIMITED);
    return limited;
  }
  let pointer: VersionPointer;
  try {
    pointer = await exchange.reader.pointer();
  } catch (error) {
    const message = error instanceof NoDataVersion ? 'No data version has been published yet; retry later.' : 'The data version could not be read; retry later.';
    return json(503, ErrorCode.DATA_UNAVAILABLE, message, { 'retry-after': '10' });
  }
  const stream = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', ...cors };
  if (isolate.openStreams >= config.updates.maxStreams) {
    return new Response(`${retryText(FULL_RETRY_MS + Math.random() * FULL_RETRY_MS)}${commentText('this isolate holds its most streams; reconnecting later')}`, {
      headers: { ...stream, 'retry-after': String(FULL_RETRY_MS / 1000) },
    });
  }
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  isolate.openStreams += 1;
  void pump(exchange, writable.getWriter(), pointer, request.headers.get('last-event-id'), named.lists);
  return new Response(readable, { headers: stream });
};

/** The nodes changed from `since` to `to` as the sync log holds them; null when it does not (or on a failed read). */
function changed(reader: NewsReader, since: string, to: string): Promise<ChangeTuple[] | null> {
  return isVersionId(since) ? reader.changesBetween(since, to).catch(() => null) : Promise.resolve(null);
}

/** Writes the stream until it has lasted UPDATES_MAX_SECONDS or the client has gone; then frees its place. */
async function pump(exchange: Exchange, writer: WritableStreamDefaultWriter<Uint8Array>, first: VersionPointer, lastEventId: string | null, lists: NamedLists) {
  const { heartbeatMs, maxMs } = exchange.config.updates;
  const pollMs = Math.max(1_000, exchange.config.versionCheckMs);
  const encoder = new TextEncoder();
  const write = (text: string) => writer.write(encoder.encode(text));
  const started = Date.now();
  let sent = lastEventId?.trim() || null;
  let beat = started;
  try {
    await write(retryText(RECONNECT_MS));
    if (sent !== first.version) await write(eventText(versionEvent(first, sent, lists, sent === null ? null : await changed(exchange.reader, sent, first.version))));
    else await write(commentText(`at ${first.version}`));
    sent = first.version;
    // A random phase per stream: the first to poll after the isolate's pointer goes stale reads
    // it, the others find it fresh, so an isolate reads it about once a VERSION_CHECK_SECONDS.
    let wait = Math.random() * Math.min(pollMs, heartbeatMs);
    while (Date.now() - started < maxMs) {
      await sleep(Math.min(wait, maxMs - (Date.now() - started)));
      wait = Math.min(pollMs, heartbeatMs);
      const reader = exchange.latestReader();
      const pointer = await reader.pointer().catch(() => null);
      if (pointer && pointer.version !== sent) {
        await write(eventText(versionEvent(pointer, sent, lists, await changed(reader, sent, pointer.version))));
        sent = pointer.version;
        beat = Date.now();
      } else if (Date.now() - beat >= heartbeatMs) {
        await write(commentText('heartbeat'));
        beat = Date.now();
      }
    }
    exchange.isolate.openStreams -= 1;
    await writer.close().catch(() => undefined);
  } catch {
    // The client went away: writing failed. Nothing to answer.
    exchange.isolate.openStreams -= 1;
    await writer.abort().catch(() => undefined);
  }
}

import { IngestError } from './problem';

export interface FetchLimits {
  /** The whole exchange, redirects and body included. */
  timeoutMs: number;
  /** Bytes of body after content decoding (gzip, br): a compression bomb stops here. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 };

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType?: string;
}

/**
 * GETs a feed or page with Node's fetch (undici). Redirects are followed by hand, at most
 * `maxRedirects`, refusing a loop and any scheme but http(s); the body is read as a stream and
 * counted after fetch has decoded it, so a gzip bomb is cut at `maxBytes` of output; one
 * deadline covers the whole exchange, so a server that never finishes sending is cut too.
 */
export async function fetchSource(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let current = url;
  try {
    for (;;) {
      const parsed = new URL(current);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new IngestError(`is a ${parsed.protocol} URL: only http and https are fetched`);
      }
      seen.add(current);
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'application/json, application/ld+json, application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location')!, current).href;
        if (seen.has(next)) throw new IngestError(`redirects in a loop (${current} -> ${next})`);
        if (seen.size > limits.maxRedirects) throw new IngestError(`redirects more than ${limits.maxRedirects} times`);
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new IngestError(`answered HTTP ${response.status} ${response.statusText}`.trim());
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      // Content-Length counts encoded bytes: a small gzip body can still be a bomb, so the
      // stream below is what enforces the cap.
      if (!response.headers.has('content-encoding') && declared > limits.maxBytes) {
        await response.body?.cancel();
        throw new IngestError(`is ${declared} bytes, over the limit of ${limits.maxBytes}`);
      }
      const bytes = await readCapped(response, limits.maxBytes);
      return { url: current, bytes, contentType: response.headers.get('content-type') ?? undefined };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (signal.aborted) throw new IngestError(`did not finish within ${limits.timeoutMs} ms`);
    throw new IngestError(`could not be fetched: ${causeOf(error)}`);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new IngestError(`is over the limit of ${maxBytes} bytes (after decompression)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function causeOf(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

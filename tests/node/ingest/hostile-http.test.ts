import iconv from 'iconv-lite';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, readArticle } from './helpers';
import { LIMITS, only, page, rss, run } from './hostile-input';

/**
 * Hostile feeds and pages over HTTP, from a local HTTP server on this
 * engineer's port (18951): size caps, gzip bombs, redirect loops, servers that never finish,
 * a charset in the Content-Type header. Each gets a clear per-file error or the correct
 * result; nothing is half-written; the process lives on. From files: hostile-files.test.ts.
 */
const PORT = 18951;
const base = `http://127.0.0.1:${PORT}`;
// 200 MB of spaces in 200 KB of gzip, made once.
const GZIP_BOMB = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    // Bytes without end, as fast as the reader takes them, until it hangs up.
    const flood = (headers: Record<string, string>, byte: number) => {
      res.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, byte);
      const pump = () => { while (res.write(chunk)) { /* until backpressure */ } };
      res.on('drain', pump);
      pump();
      req.on('close', () => res.destroy());
    };
    if (path === '/huge') {
      // 1 GB announced and streamed: the reader stops at its cap.
      flood({ 'content-type': 'application/rss+xml', 'content-length': String(1024 ** 3) }, 0x20);
    } else if (path === '/huge-chunked') {
      flood({ 'content-type': 'text/html' }, 0x61);
    } else if (path === '/gzip-bomb') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(GZIP_BOMB);
    } else if (path === '/loop-a' || path === '/loop-b') {
      res.writeHead(302, { location: path === '/loop-a' ? '/loop-b' : '/loop-a' }).end();
    } else if (path.startsWith('/chain/')) {
      res.writeHead(301, { location: `/chain/${Number(path.slice(7)) + 1}` }).end();
    } else if (path === '/never-ends') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      // ...and never another byte.
    } else if (path === '/shift-jis-header') {
      res.writeHead(200, { 'content-type': 'text/html; charset=Shift_JIS' });
      res.end(iconv.encode(page('東京で記録的な大雨', '気象庁によると、東京都心では一時間に百ミリの雨が降りました。'), 'shift_jis'));
    } else if (path === '/ok') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss('Fetched over HTTP'));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(cleanUp);

describe('hostile HTTP', () => {
  it('fetches a well-behaved feed (the control)', async () => {
    const { report, files } = await run([`${base}/ok`]);
    expect(report.problems).toEqual([]);
    expect(files.size).toBe(1);
    expect(report.changes[0]).toMatchObject({ action: 'created', slug: 'fetched-over-http' });
  });

  it('stops a 1 GB response at the size cap, announced or not', async () => {
    const { report, files } = await run([`${base}/huge`, `${base}/huge-chunked`]);
    expect(report.problems.map((p) => `${p.source.slice(base.length)}: ${p.message}`)).toEqual([
      `/huge: is ${1024 ** 3} bytes, over the limit of ${LIMITS.maxBytes}`,
      `/huge-chunked: is over the limit of ${LIMITS.maxBytes} bytes (after decompression)`,
    ]);
    expect(files.size).toBe(0);
  });

  it('stops a gzip bomb at the size cap after decompression', async () => {
    const { report, files } = await run([`${base}/gzip-bomb`]);
    expect(only(report)).toEqual([`is over the limit of ${LIMITS.maxBytes} bytes (after decompression)`]);
    expect(files.size).toBe(0);
  });

  it('names a redirect loop, and stops an endless chain of redirects', async () => {
    const { report } = await run([`${base}/loop-a`, `${base}/chain/1`]);
    expect(only(report)).toEqual([
      `redirects in a loop (${base}/loop-b -> ${base}/loop-a)`,
      `redirects more than ${LIMITS.maxRedirects} times`,
    ]);
  });

  it('gives up on a server that never finishes sending', async () => {
    const { report, files } = await run([`${base}/never-ends`]);
    expect(only(report)).toEqual([`did not finish within ${LIMITS.timeoutMs} ms`]);
    expect(files.size).toBe(0);
  });

  it('refuses other schemes and reports an unreachable host', async () => {
    const { report } = await run(['http://127.0.0.1:18952/nothing-listens']);
    expect(only(report)).toEqual([expect.stringMatching(/^could not be fetched: ECONNREFUSED/)]);
  });
});

describe('declared charsets over HTTP', () => {
  it('reads the charset of a Content-Type header', async () => {
    const { dir, report } = await run([`${base}/shift-jis-header`]);
    expect(report.problems).toEqual([]);
    expect(readArticle(dir, report.changes[0]!.slug!).headline).toBe('東京で記録的な大雨');
  });
});

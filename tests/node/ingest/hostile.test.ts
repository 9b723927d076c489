import iconv from 'iconv-lite';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestReport } from '../../../tools/ingest/ingest';
import { articleFiles, cleanUp, freshDataDir, NOW, readArticle } from './helpers';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Hostile feeds and pages (issue 15, item 2), from local files and a local HTTP server on
 * this engineer's port (18951). Each gets a clear per-file error or the correct result;
 * nothing is half-written; the process lives on.
 */
const PORT = 18951;
const base = `http://127.0.0.1:${PORT}`;
const LIMITS = { timeoutMs: 1_500, maxBytes: 4 * 1024 * 1024, maxRedirects: 5 };
// 200 MB of spaces in 200 KB of gzip, made once.
const GZIP_BOMB = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
let server: Server;

const rss = (title: string, body = '<p>A paragraph of the story.</p>', head = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${head}<rss version="2.0"><channel><title>T</title><language>en</language><item><guid>urn:hostile:1</guid>` +
  `<title>${title}</title><description><![CDATA[${body}]]></description></item></channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/huge') {
      // 1 GB announced and streamed: the reader stops at its cap.
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(1024 ** 3) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => { while (res.write(chunk)) { /* until backpressure */ } };
      res.on('drain', pump);
      pump();
      req.on('close', () => res.destroy());
    } else if (path === '/huge-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => { while (res.write(chunk)) { /* until backpressure */ } };
      res.on('drain', pump);
      pump();
      req.on('close', () => res.destroy());
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

function page(headline: string, paragraph: string, charsetMeta = '') {
  return `<!doctype html><html lang="ja"><head>${charsetMeta}<title>${headline}</title></head><body><article><h1>${headline}</h1>` +
    `<p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
}

async function run(inputs: string[] | ((dir: string) => string[])) {
  const dir = freshDataDir();
  const args = typeof inputs === 'function' ? inputs(dir) : inputs;
  const report = await ingest(args, { dataDir: dir, now: NOW, limits: LIMITS });
  return { dir, report, files: articleFiles(dir) };
}

function file(dir: string, name: string, content: string | Uint8Array): string {
  mkdirSync(join(dir, '..', 'in'), { recursive: true });
  const path = join(dir, '..', 'in', name);
  writeFileSync(path, content);
  return path;
}

const only = (r: IngestReport) => r.problems.map((p) => p.message);

describe('hostile XML', () => {
  it('refuses a billion-laughs entity bomb with one error, expanding nothing', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n${rss('&lol9;').replace(/^<\?xml[^>]*>/, '')}`;
    const { report, files } = await run((dir) => [file(dir, 'bomb.xml', bomb)]);
    expect(only(report)).toEqual([expect.stringMatching(/^declares entities in its DOCTYPE/)]);
    expect(files.size).toBe(0);
  });

  it('never reads an external entity (XXE): file:///etc/passwd stays unread', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss('a &xxe; b').replace(/^<\?xml[^>]*>/, '')}`;
    const { report, files } = await run((dir) => [file(dir, 'xxe.xml', xxe)]);
    expect(only(report)).toEqual([expect.stringMatching(/external entities \(XXE\)/)]);
    expect(JSON.stringify(report)).not.toContain('root:');
    expect(files.size).toBe(0);
  });

  it('refuses XML nested 100,000 elements deep', async () => {
    const deep = `<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title><description>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</description></item></channel></rss>`;
    const { report, files } = await run((dir) => [file(dir, 'deep.xml', deep)]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toMatch(/^is not a feed that can be read: .*nested/i);
    expect(files.size).toBe(0);
  });
});

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

describe('declared charsets are decoded, not mangled', () => {
  const cases: Array<[string, string, string, string]> = [
    ['windows-1252', '<meta charset="windows-1252">', 'Café owners’ “fête” — déjà vu', 'Le café était plein à craquer, déjà avant midi, et personne ne s’en plaignait.'],
    ['Shift_JIS', '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', '東京で記録的な大雨', '気象庁によると、東京都心では一時間に百ミリの雨が降りました。'],
    ['EUC-KR', '<meta charset="euc-kr">', '서울에 기록적인 폭우', '기상청에 따르면 서울에는 한 시간에 백 밀리미터의 비가 내렸습니다.'],
  ];
  for (const [encoding, meta, headline, paragraph] of cases) {
    it(`reads a page in ${encoding} declared in <meta>`, async () => {
      const { dir, report } = await run((d) => [file(d, `${encoding}.html`, iconv.encode(page(headline, paragraph, meta), encoding))]);
      expect(report.problems).toEqual([]);
      const a = readArticle(dir, report.changes[0]!.slug!);
      expect(a.headline).toBe(headline);
      expect(a.paragraphs[0]).toBe(paragraph);
    });
    it(`reads a feed in ${encoding} declared in the XML prolog`, async () => {
      const xml = rss(headline, `<p>${paragraph}</p>`, `<?xml version="1.0" encoding="${encoding}"?>`);
      const { dir, report } = await run((d) => [file(d, `${encoding}.xml`, iconv.encode(xml, encoding))]);
      expect(report.problems).toEqual([]);
      const a = readArticle(dir, report.changes[0]!.slug!);
      expect(a.headline).toBe(headline);
      expect(a.paragraphs).toEqual([paragraph]);
    });
  }

  it('reads the charset of a Content-Type header', async () => {
    const { dir, report } = await run([`${base}/shift-jis-header`]);
    expect(report.problems).toEqual([]);
    expect(readArticle(dir, report.changes[0]!.slug!).headline).toBe('東京で記録的な大雨');
  });

  it('names the byte of invalid UTF-8 instead of publishing U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from(rss('Caf')), Buffer.from([0xe9])]);
    const { report, files } = await run((d) => [file(d, 'latin1.xml', bytes)]);
    expect(only(report)).toEqual([`is not valid UTF-8: byte ${bytes.length - 1} (0xe9)`]);
    expect(files.size).toBe(0);
  });
});

describe('deep nesting', () => {
  it('refuses HTML nested 100,000 elements deep', async () => {
    const html = `<!doctype html><html lang="en"><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;
    const { report, files } = await run((d) => [file(d, 'deep.html', html)]);
    expect(only(report)).toEqual(['is HTML nested more than 1024 elements deep']);
    expect(files.size).toBe(0);
  });

  it('refuses JSON nested 100,000 levels deep', async () => {
    const json = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const { report, files } = await run((d) => [file(d, 'deep.json', json), file(d, 'deep-array.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)]);
    expect(only(report)).toEqual(['is nested more than 64 levels deep', 'is nested more than 64 levels deep']);
    expect(files.size).toBe(0);
  });
});

import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, readArticle } from './helpers';
import { file, only, page, rss, run } from './hostile-input';

/**
 * Hostile feeds and pages from local files: entity bombs, XXE, deep nesting,
 * declared charsets, invalid UTF-8. Each gets a clear per-file error or the correct result;
 * nothing is half-written; the process lives on. Over HTTP: hostile-http.test.ts.
 */
afterEach(cleanUp);

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

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentedWords } from '../../../src/text/words';
import { termOf } from '../../../src/text/analyze';
import { inMemorySearch } from '../../../tools/compile/search-in-memory';
import { ingest } from '../../../tools/ingest/ingest';
import { buildDir, cleanUp, fixtures, freshDataDir, NOW, readArticle } from './helpers';

/**
 * Any language: stories ingested in Korean (a real KBS page), Japanese,
 * Chinese, Thai, Swedish (TT's real ninjs) and Hindi (the real feed) are stored with their
 * BCP 47 tag, and every word of every headline, as Intl.Segmenter (UAX #29, with ICU's
 * dictionaries for Chinese, Japanese and Thai) splits it, finds its story through the real
 * search index. Languages without an analyzer of their own (src/text/analyze.ts has Hindi and
 * English) are indexed by those segments, lower-cased.
 */
const made: Array<[string, string, string]> = [
  ['ja', '東京で記録的な大雨、交通機関に乱れ', '気象庁によると、東京都心では一時間に百ミリの雨が降りました。'],
  ['zh', '北京遭遇罕见暴雨，地铁部分停运', '据气象部门介绍，北京市区一小时降雨量超过一百毫米。'],
  ['th', 'ฝนตกหนักในกรุงเทพมหานคร น้ำท่วมหลายพื้นที่', 'กรมอุตุนิยมวิทยารายงานว่าฝนตกหนักทั่วกรุงเทพมหานครตลอดทั้งคืน'],
];
let dir: string;
let slugs: Map<string, string>;
let search: (q: string) => string[];

beforeAll(async () => {
  dir = freshDataDir();
  mkdirSync(join(dir, '..', 'in'), { recursive: true });
  const inputs = made.map(([language, headline, body], i) => {
    const path = join(dir, '..', 'in', `${language}.json`);
    writeFileSync(path, JSON.stringify({
      uri: `urn:any-language:${i}`, type: 'text', language, versionCreated: '2024-06-12T10:30:00+09:00',
      headlines: [{ role: 'main', value: headline }], bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
    }));
    return path;
  });
  const report = await ingest([
    ...inputs,
    join(fixtures, 'pages', 'kbs-1.html'),
    join(fixtures, 'ninjs', 'v3.0_tt_text_image_3.json'),
    join(fixtures, 'rss', 'mann-ki-baat-hindi_feed.xml'),
  ], { dataDir: dir, now: NOW });
  expect(report.problems).toEqual([]);
  slugs = new Map(report.changes.map((c) => [c.slug!, c.slug!]));
  const built = await buildDir(dir);
  if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 3)));
  search = inMemorySearch(built.data.entries, built.data.pointer.value).search;
}, 60_000);
afterAll(cleanUp);

describe('search in any language', () => {
  it('keeps each story in its language', () => {
    const languages = [...slugs.keys()].map((s) => readArticle(dir, s).language);
    expect(new Set(languages)).toEqual(new Set(['ja', 'zh', 'th', 'ko', 'sv', 'hi']));
  });

  it('finds every story by every word of its headline', () => {
    const misses: string[] = [];
    let words = 0;
    for (const slug of slugs.keys()) {
      const { headline, language } = readArticle(dir, slug);
      for (const w of segmentedWords(headline, language)) {
        if (!termOf(w.text)) continue; // a stopword (English, Hindi) is no search word
        words += 1;
        if (!search(w.text).includes(slug)) misses.push(`${language} ${w.text} (${headline})`);
      }
    }
    expect(misses).toEqual([]);
    expect(words).toBeGreaterThan(1000);
  });

  it('segments languages written without spaces into words, not whole lines', () => {
    const zh = segmentedWords(made[1]![1], 'zh').map((w) => w.text);
    expect(zh).toContain('北京');
    expect(zh).toContain('暴雨');
    const th = segmentedWords(made[2]![1], 'th').map((w) => w.text);
    expect(th).toContain('ฝน');
    expect(th.length).toBeGreaterThan(5);
  });
});

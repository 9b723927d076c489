import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseDate } from '../../../tools/ingest/dates';
import { ingest, type IngestReport } from '../../../tools/ingest/ingest';
import { readNinjs } from '../../../tools/ingest/ninjs';
import { articleFiles, buildDir, cleanUp, fixtures, freshDataDir, NOW, readArticle } from './helpers';

/**
 * Every real sample (tests/fixtures/ingest, from /work/shared/samples) ingested in one run, as
 * a newsroom would: each story becomes an article file the build accepts, or fails with the
 * per-item error its content deserves.
 */
const f = (...p: string[]) => join(fixtures, ...p);
const PAGES = ['dd-news-1', 'dd-news-2', 'dd-news-3', 'economic-times-1', 'economic-times-2', 'kbs-1', 'kbs-2', 'times-now-1', 'times-now-2'];
let dir: string;
let report: IngestReport;

beforeAll(async () => {
  dir = freshDataDir();
  report = await ingest([f('ninjs'), f('jsonld'), f('rss'), ...PAGES.map((p) => f('pages', `${p}.html`))], { dataDir: dir, now: NOW });
}, 60_000);
afterAll(cleanUp);

const changeOf = (source: string, where?: string) =>
  report.changes.filter((c) => c.source.endsWith(source) && (where === undefined || c.where === where));

describe('ingesting every sample', () => {
  it('fails only the items whose content is no publishable story, each with its place and reason', () => {
    expect(report.problems.map((p) => `${p.source.slice(fixtures.length + 1)}: ${p.where}: ${p.message}`).sort()).toEqual([
      'jsonld/bbc_simorgh_linkeddata_article_snapshot.jsonld.json: /@graph/0: has no body: no paragraph of text was found',
      'jsonld/google_search_central_article_example.jsonld.json: /: has no body: no paragraph of text was found',
      'jsonld/google_search_central_article_example.jsonld.json: /: has no language, and its text (19 letters) is too short to tell one (give one with --language)',
      'ninjs/realworld_superdesk_ninjs1x_ninjs1.json: /: has a template placeholder for a headline: the field name "headline"',
      'ninjs/v3.1_008_event.json: /type: is a ninjs event item, not a text story: nothing to publish as an article',
      'pages/dd-news-2.html: /: has no body: no paragraph of text was found',
    ]);
  });

  it('writes the rest, and the real build accepts all of them', async () => {
    const files = articleFiles(dir);
    // 133 feed items, 8 pages, 3 ninjs stories (TT's 2.1 and 3.0 items are one story: one uri;
    // the associations example declares no language and is identified as English from its text;
    // Superdesk's test item, headlined "headline", is a template placeholder and refused).
    expect(files.size).toBe(133 + 8 + 3);
    expect([...files.keys()].every((n) => !n.startsWith('.'))).toBe(true);
    const built = await buildDir(dir);
    if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 5)));
    expect(built.data.summary.articles).toBe(144);
  });

  it('reads ninjs 3.1: headline, byline, HTML body by paragraph, copyright, dates with offset', () => {
    const [c] = changeOf('v3.1_005_complex_text_article.json');
    const a = readArticle(dir, c!.slug!);
    expect(a).toMatchObject({
      headline: 'Captain of wrecked cruise ship on trial in Italy',
      language: 'en',
      byline: "Paulo Santalucia and Frances d'Emilio",
      copyright: 'Copyright 2013 The News Agency, www.tna.org - all rights reserved.',
      datePublished: '2013-07-09T10:37:00Z',
      origin: { format: 'NINJS', formatVersion: '3.x', uri: 'http://ninjs.example.com/newsitems/20130709med123' },
    });
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[2]).toBe("His lawyer, Domenico Pepe, told reporters that, as expected, the judge was postponing the hearing due to an eight-day nationwide lawyers' strike.");
  });

  it('reads TT ninjs 2.1 then 3.0 of the same uri as one story in two versions, with image, renditions and subjects', () => {
    const [v2] = changeOf('v2.1_tt_text_image_2.json');
    const [v3] = changeOf('v3.0_tt_text_image_3.json');
    expect(v2).toMatchObject({ action: 'created', version: 1 });
    expect(v3).toMatchObject({ action: 'updated', slug: v2!.slug, version: 2 });
    const a = readArticle(dir, v3!.slug!);
    expect(a.language).toBe('sv');
    expect(a.headline).toBe('Militärövning i jätteformat hålls 2023');
    expect(a.dateModified).toBe('2026-11-28T06:00:00Z');
    expect(a.images[0]).toMatchObject({ contentType: 'image/jpeg', credit: 'Karl Melander/TT' });
    expect(a.images[0]!.caption).toMatch(/^En stor internationell försvarsövning/);
    expect(a.images[0]!.renditions.length).toBeGreaterThan(0);
    expect(a.subjects).toContainEqual(expect.objectContaining({ name: 'Krig, konflikter och oroligheter', code: '16000000' }));
  });

  it('reads Superdesk ninjs 1.x (headline, body_html, byline, authors, IPTC subject code, +0000 offsets), and refuses its placeholder headline', () => {
    const item = readNinjs(JSON.parse(readFileSync(f('ninjs', 'realworld_superdesk_ninjs1x_ninjs1.json'), 'utf8')) as Record<string, unknown>, '/');
    if (!('story' in item)) throw new Error(item.error);
    expect(item.story).toMatchObject({
      headline: 'headline', language: 'fr', byline: 'Peter and Jane', summary: 'abstract', version: 2,
      paragraphs: ['The story so far.'], authors: [{ name: 'John' }],
      subjects: [{ name: 'arts, culture and entertainment', code: 'subj:01000000' }],
      formatVersion: '1.x',
    });
    expect([normaliseDate(item.story.datePublished!), normaliseDate(item.story.dateModified!)]).toEqual(['2017-08-24T04:37:19+00:00', '2017-08-24T04:38:34+00:00']);
    expect(changeOf('realworld_superdesk_ninjs1x_ninjs1.json')).toEqual([]);
  });

  it('reads the Hindi RSS feed: 133 items, Hindi, guid as identity, entities decoded', () => {
    const items = changeOf('mann-ki-baat-hindi_feed.xml');
    expect(items).toHaveLength(133);
    expect(items.every((c) => c.action === 'created')).toBe(true);
    const a = readArticle(dir, items[0]!.slug!);
    expect(a.language).toBe('hi');
    expect(a.origin).toMatchObject({ format: 'RSS', formatVersion: '2.0' });
    expect(a.origin!.uri).toBeTruthy();
    expect(a.headline).toBe("PM Modi's first address to the Nation on Radio - 'Mann Ki Baat' | Mann ki Baat 1st Episode");
    expect(a.paragraphs.join('\n')).toContain('मन की बात');
    expect(a.paragraphs.join('\n')).not.toMatch(/&(?:#\d+|amp|quot);/);
  });

  it('reads pages by their JSON-LD, with Readability where the JSON-LD has no body (KBS, Korean)', () => {
    const kbs = readArticle(dir, changeOf('kbs-1.html')[0]!.slug!);
    expect(kbs).toMatchObject({
      language: 'ko', headline: '멕시코 ‘무더기 실종’ 모두 발견…“여행객 아닌 이민자”', authors: [{ name: '이동환' }],
      url: 'https://news.kbs.co.kr/news/view.do?ncd=7645555', datePublished: '2023-04-07',
      origin: { format: 'HTML' },
    });
    expect(kbs.paragraphs[0]).toBe('멕시코 도로 한복판에서 대거 행방이 묘연해졌던 수십명의 실종자들이 모두 발견됐습니다.');
    expect(kbs.images).toHaveLength(1);
    const et = readArticle(dir, changeOf('economic-times-1.html')[0]!.slug!);
    expect(et).toMatchObject({ language: 'en', authors: [{ name: 'Kshitij Anand' }], datePublished: '2023-04-05T10:45:00+05:30' });
    expect(et.paragraphs.join(' ')).toContain('UltraTech Cement');
  });

  it('reads a Hindi page without JSON-LD: its article paragraphs, not the weather widget beside them', () => {
    const dd = readArticle(dir, changeOf('dd-news-3.html')[0]!.slug!);
    expect(dd.language).toBe('hi');
    expect(dd.headline).toContain('अभिनेता जगदीप का 81 साल की उम्र में निधन');
    expect(dd.paragraphs[1]).toMatch(/^सूरमा भोपाली का किरदार निभाने वाले जगदीप का जन्म 29 मार्च, 1939/);
    expect(dd.paragraphs.join(' ')).not.toContain('Max Temp');
    expect(dd).toMatchObject({ datePublishedInferred: true, datePublished: '2026-11-28' });
    expect(dd.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('romanises every slug readably from its script', () => {
    expect(changeOf('dd-news-1.html')[0]!.slug).toMatch(/^rastriy-svasthy/);
    expect(changeOf('kbs-1.html')[0]!.slug).toBe('megsiko-mudeogi-siljong-modu-balgyeon-yeohaenggaeg-anin-iminja');
  });
});

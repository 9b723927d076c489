import { describe, expect, it } from 'vitest';
import { dropBoilerplate, junkKind } from '../../../tools/ingest/boilerplate';
import { structuredBodyProblem } from '../../../tools/ingest/body-choice';
import { cleanHeadline } from '../../../tools/ingest/headline';
import { identifyLanguage } from '../../../tools/ingest/language';
import { shingleMatch, tokenize, totals } from '../../../tools/ingest/measure/shingles';
import { bestDate, readPage } from '../../../tools/ingest/page';
import { slugOf } from '../../../tools/ingest/slug';
import { toArticleDraft } from '../../../tools/ingest/to-article';

/** The parts of the page reader, each on the real-world shape that made it necessary. */
const prose = (n: number) => Array.from({ length: n }, (_, i) => `<p>The council met on Tuesday for the ${i + 1}th time this year, and its members argued about the budget, the schools and the roads until late in the evening.</p>`).join('');
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const storyOf = (html: string) => {
  const item = readPage(html, 'https://news.example/a');
  if (!('story' in item)) throw new Error(item.error);
  return item.story;
};

describe('the benchmark measure, re-implemented', () => {
  it('tokenizes as Python\'s \\w+ does (Devanagari vowel signs split words there too)', () => {
    expect(tokenize('हिन्दी समाचार 한국어 a_b ½')).toEqual(['ह', 'न', 'द', 'सम', 'च', 'र', '한국어', 'a_b', '½']);
  });

  it('scores equal texts 1 and disjoint texts 0, normalised per page', () => {
    const same = shingleMatch('one two three four five', 'one two three four five');
    const none = shingleMatch('one two three four five', 'six seven eight nine ten');
    expect(same).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(none).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
    expect(totals([same, none], [true, false])).toEqual({ f1: 0.5, precision: 0.5, recall: 0.5, accuracy: 0.5 });
  });
});

describe('the boilerplate filter', () => {
  it.each([
    ['इसे भी पढ़ें: मोदी ने कहा', 'read-also'], ['ये पढ़ें - चुनाव 2024', 'read-also'], ['图像来源，Getty Images', 'caption'],
    ['图像加注文字，北京的街道', 'caption'], ['SUBSCRIBE TO US / WATCH US LIVE / FOLLOW US', 'call-to-action'],
    ['— Jane Doe (@jdoe) April 12, 2023', 'social-embed'], ['(END)', 'end-marker'], ['Last Updated: April 12, 2023, 10:45 IST', 'dateline'],
    ['홍길동 기자 hong@yna.co.kr', 'contact'], ['저작권자 ⓒ 연합뉴스, 무단 전재 및 재배포 금지', 'copyright'],
  ])('drops %s (%s)', (text, kind) => expect(junkKind(text)).toBe(kind));

  it('keeps prose that merely starts like junk, and drops repeats and end labels', () => {
    const long = `Follow us into the valley, the guide said, and the walkers did so for three hours. ${'They saw the river and the old mill. '.repeat(5)}`;
    expect(junkKind(long)).toBeUndefined();
    const { kept, dropped } = dropBoilerplate(['First sentence of the story.', long, 'First sentence of the story.', '국제'], { headline: 'H' });
    expect(kept).toEqual(['First sentence of the story.', long]);
    expect(dropped.map((d) => d.kind)).toEqual(['repeat', 'label']);
  });
});

describe('headlines and dates', () => {
  it('decodes references and cuts the site\'s name, so slugs carry no entity names', () => {
    const h = cleanHeadline('&lsquo;Adipurush&rsquo; director meets Yogi | Yonhap News Agency', ['Yonhap News Agency']);
    expect(h).toBe('‘Adipurush’ director meets Yogi');
    expect(slugOf(h!)).toBe('adipurush-director-meets-yogi');
    expect(cleanHeadline('Le Monde - Grève du 28 mars', [], 'https://www.lemonde.fr/x')).toBe('Grève du 28 mars');
    expect(cleanHeadline('Beziehung: „Ich war süchtig“', ['WELT'])).toBe('Beziehung: „Ich war süchtig“');
  });

  it('prefers a date that names an instant to one that gives a day', () => {
    expect(bestDate(['2023-04-07 08:26:22', '2023-04-06T23:26:22Z'])).toBe('2023-04-06T23:26:22Z');
    expect(bestDate([undefined, 'not a date', '2023-04-07'])).toBe('2023-04-07');
  });

  it('reads the date of microdata with its offset, not the ingest day', () => {
    const s = storyOf(page('<meta itemprop="datePublished" content="2023-04-12T12:44:04+05:30"><title>T</title>', `<h1>T</h1>${prose(6)}`));
    expect(s.datePublished).toBe('2023-04-12T12:44:04+05:30');
  });
});

describe('structured data first, validated', () => {
  it('refuses placeholder and teaser bodies', () => {
    expect(structuredBodyProblem(['articleBody'], [])).toMatch(/placeholder/);
    expect(structuredBodyProblem(['Short teaser.'], ['x'.repeat(2000)])).toMatch(/characters where the page has/);
    expect(structuredBodyProblem(['A real body. '.repeat(30)], [])).toBeUndefined();
  });

  it('reads the page\'s paragraphs where JSON-LD says "articleBody": "articleBody"', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council argues &#039;budget&#039;', articleBody: 'articleBody', inLanguage: 'en' };
    const s = storyOf(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<article>${prose(6)}</article>`));
    expect(s.headline).toBe("Council argues 'budget'");
    expect(s.paragraphs).toHaveLength(6);
  });

  it('reads an Arc XP page whose text is only in Fusion.globalContent', () => {
    const ans = {
      headlines: { basic: '이승기 결혼식' }, first_publish_date: '2023-04-07T10:09:46Z', language: 'ko',
      content_elements: [{ type: 'image' }, { type: 'text', content: '가수 이승기와 배우 이다인이 부부가 된다.' }, { type: 'text', content: '결혼식은 <b>비공개</b>로 진행됐다.' }],
    };
    const s = storyOf(page('<title>x</title>', `<div id="app"></div><script>window.Fusion=window.Fusion||{};Fusion.globalContent=${JSON.stringify(ans)};Fusion.x=1;</script>`));
    expect(s).toMatchObject({ headline: '이승기 결혼식', language: 'ko', datePublished: '2023-04-07T10:09:46Z' });
    expect(s.paragraphs).toEqual(['가수 이승기와 배우 이다인이 부부가 된다.', '결혼식은 비공개로 진행됐다.']);
  });

  it('reads a Next.js page by the article in __NEXT_DATA__', () => {
    const data = { props: { pageProps: { article: { title: '區議會改革', publishTime: '2023-03-29T01:00:32+08:00', blocks: [
      { blockType: 'text', htmlTokens: [[{ type: 'text', content: '據了解，區議會將以混合方式產生議席。' }]] },
      { blockType: 'related', articles: [{ title: '別的新聞' }] },
      { blockType: 'text', htmlTokens: [[{ type: 'text', content: '消息人士坦言，直選議席只保留三分一。' }]] },
    ] } } } };
    const s = storyOf(page('<title>x</title>', `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`));
    expect(s.paragraphs).toEqual(['據了解，區議會將以混合方式產生議席。', '消息人士坦言，直選議席只保留三分一。']);
    expect(s.datePublished).toBe('2023-03-29T01:00:32+08:00');
  });
});

describe('video pages', () => {
  it('refuses a page Open Graph calls a video when its text is a teaser, and keeps an article one', () => {
    const teaser = '<p>Mit Schaufel und Sonnenbrille hat der Schauspieler ein vermeintliches Schlagloch beseitigt. Die Stadt beschwert sich.</p>';
    const video = (body: string) => page('<title>Clip</title><meta property="og:type" content="video.other">', `<h1>Clip</h1>${body}`);
    expect(storyOf(video(teaser)).paragraphs).toEqual([]);
    expect(storyOf(page('<title>Clip</title><meta property="og:type" content="article">', `<h1>Clip</h1>${teaser}`)).paragraphs).toHaveLength(1);
    expect(storyOf(video(prose(6))).paragraphs).toHaveLength(6);
  });
});

describe('language identification', () => {
  it('names the language of a page that declares none', () => {
    const s = storyOf(page('<title>Council argues</title>', `<h1>Council argues</h1>${prose(6)}`));
    expect(s.language).toBeUndefined();
    expect(toArticleDraft(s, new Date()).draft?.language).toBe('en');
    expect(identifyLanguage('सूरमा भोपाली का किरदार निभाने वाले जगदीप का जन्म 29 मार्च, 1939 को हुआ था।')).toEqual({ language: 'hi' });
  });

  it('takes an extended language subtag as its preferred value (RFC 5646): zh-yue-Hant-HK is yue-Hant-HK', () => {
    const cantonese = '立法會今日三讀通過修訂條例，政府表示新安排會在下個月實施，並會向市民解釋有關細節。'.repeat(3);
    const s = storyOf(page('<title>立法會</title>', `<h1>立法會通過條例</h1><p>${cantonese}</p><p>${cantonese}</p>`));
    expect(toArticleDraft({ ...s, language: 'zh-yue-Hant-HK' }, new Date()).draft?.language).toBe('yue-Hant-HK');
    expect(toArticleDraft({ ...s, language: 'zh_Hant_HK' }, new Date()).draft?.language).toBe('zh-Hant-HK');
    expect(toArticleDraft({ ...s, language: 'no tag!' }, new Date()).errors).toContain('has the language "no tag!", which is no BCP 47 tag');
  });

  it('refuses, with the reason, a text too short to tell', () => {
    expect(identifyLanguage('Short one')).toEqual({ reason: expect.stringMatching(/too short to tell/) });
  });
});

import { ZH_STOPS } from './cjk-names';
import type { NameSpan } from './name-span';

/**
 * Names the KB lacks found by where they stand, not by how they are written, in scripts without
 * capitals: the source a sentence is attributed to (路透报导, 綜合路透與法新社報導, ロイターによると,
 * 밀레니오는 전했습니다, 레포르마와 밀레니오 등에 따르면), a photo credit's source ((2020年 ロイター),
 * クレムリン提供), a Japanese name of several katakana words (ウラジーミル・プーチン), a Chinese or
 * Japanese name listed beside a linked one (美国、欧盟), and a Korean place named after the state
 * or province it lies in (과나후아토주 레온을 출발해). Attribution and apposition are the
 * structural cues of news text that rule-based NER has long used (Grishman and Sundheim, MUC-6).
 */

const HAN_NAME = '[\\p{Script=Han}\\p{Script=Katakana}ー・A-Za-z]{2,8}';
const ZH_REPORT = new RegExp(`(?<=^|[\\s,，。、:：;；(（「『“"]|综合|綜合|据|據|根据|根據|引述|援引)(${HAN_NAME}(?:[与與和及、]${HAN_NAME})*)(?=报导|報導|报道|報道|说明|說明|表示|宣布|指出|声明|聲明)`, 'gu');
/** Heads of a description, not a name: 美国媒体报导, 消息人士报道. */
const ZH_GENERIC = /(?:媒体|媒體|人士|官员|官員|网站|網站|报告|報告|消息|分析|外电|外電|当局|當局|据|據|双方|雙方|外界|专家|專家|他们|他們|她们|她們|我们|我們|对此|對此|同时|同時|此外|并|並|也|还|還|则|則|均|都)$/u;
const JA_REPORT = /([\p{Script=Katakana}ー・]{3,}|[A-Z][A-Za-z]{1,})(?:通信|新聞|テレビ)?(?:によると|によれば|が報じた|は伝えた|が伝えた)/gu;
const JA_CREDIT = /[(（](?:\d{4}年\s*)?([\p{Script=Katakana}ー・]{3,}|[A-Z][A-Za-z]+)[)）]|([\p{Script=Katakana}ー・]{3,})提供/gu;
const JA_DOTTED = /[\p{Script=Katakana}ー]{2,}(?:・[\p{Script=Katakana}ー]{2,})+/gu;
/** Sources that are no name: 소식통에 따르면 (sources say), 보도에 따르면 (reports say). */
const KO_GENERIC = new Set('소식통 보도 관계자 당국 발표 조사 자료 통계 외신 설명 분석 결과 주장 전문가 소식 정보 관측 예측 보고서 설문 여론조사 측 법 규정 계획 현지 언론 매체 경찰 검찰'.split(' '));
const KO_WORD = /[\p{Script=Hangul}A-Za-z0-9]+/gu;

type Span = [number, number];

function chinese(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(ZH_REPORT)) {
    const lead = /^(?:综合|綜合|据|據|根据|根據|引述|援引)/u.exec(m[1]!)?.[0] ?? '';
    let at = m.index + lead.length;
    for (const part of m[1]!.slice(lead.length).split(/([与與和及、])/u)) {
      // A verb or preposition inside (拜登向习近平表示) means a clause, not a name.
      if (part.length >= 2 && !ZH_GENERIC.test(part) && ![...part].some((c) => ZH_STOPS.has(c) || '与與和及、'.includes(c))) out.push([at, at + part.length]);
      at += part.length;
    }
  }
  return out;
}

function japanese(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(JA_REPORT)) out.push([m.index, m.index + m[1]!.length]);
  for (const m of text.matchAll(JA_CREDIT)) {
    const name = m[1] ?? m[2]!;
    const at = m.index + m[0].indexOf(name);
    out.push([at, at + name.length]);
  }
  for (const m of text.matchAll(JA_DOTTED)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function korean(text: string): Span[] {
  const ws = [...text.matchAll(KO_WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Span[] = [];
  const name = (w: { text: string; start: number }, tail: RegExp) => {
    const bare = w.text.replace(tail, '');
    if (bare.length >= 2 && bare !== w.text && /^[\p{Script=Hangul}A-Za-z]+$/u.test(bare) && !KO_GENERIC.has(bare)) out.push([w.start, w.start + bare.length]);
    return bare !== w.text;
  };
  ws.forEach((w, i) => {
    const next = ws[i + 1]?.text ?? '';
    // "X에 따르면", "X와 Y 등에 따르면": the sources, each with its conjunction cut.
    if (/^따르면/u.test(next) && w.text.endsWith('에')) {
      if (w.text !== '등에') name(w, /에$/u);
      else {
        const last = ws[i - 1];
        if (last && /^[\p{Script=Hangul}A-Za-z]{2,}$/u.test(last.text) && !KO_GENERIC.has(last.text)) out.push([last.start, last.end]);
        for (let k = i - 2; k >= 0 && name(ws[k]!, /(?:와|과)$/u); k--);
      }
    }
    // "X는 전했다", "X가 보도했습니다": the subject of a reporting verb.
    if (/^(?:전했|보도했)/u.test(next)) name(w, /(?:은|는|이|가)$/u);
    // A place after its state or province (4 syllables or more ending in 주): 과나후아토주 레온을, 산루이스포토시주 마테우알라 지역.
    if (i > 0 && /^[\p{Script=Hangul}]{3,}주$/u.test(ws[i - 1]!.text) && /^\s+$/u.test(text.slice(ws[i - 1]!.end, w.start))) {
      if (!name(w, /(?:을|를|로|으로|에서|에)$/u) && /^(?:지역|일대|시)$/u.test(next) && w.text.length >= 2) out.push([w.start, w.end]);
    }
  });
  return out;
}

/** The object of a verb of joining or going (加入欧盟, 访问莫斯科, 抵达北京; ロンドンを訪問, 北京に到着): a place or a body. */
const ZH_GOING = /(?<=加入|访问|訪問|抵达|抵達|前往|出访|出訪|到访|到訪)[\p{Script=Han}]{2,4}(?=[\s\p{P}]|$)/gu;
const JA_GOING = /(?:(?<![\p{Script=Katakana}ー・])[\p{Script=Katakana}ー・]{3,}|(?<=^|[\s\p{P}\p{Script=Hiragana}])[\p{Script=Han}]{2,4})(?=を訪問|を訪れ|に到着|に加盟|へ向か)/gu;

function going(text: string, lang: string): Span[] {
  return [...text.matchAll(lang === 'zh' ? ZH_GOING : JA_GOING)].filter((m) => ![...m[0]].some((c) => ZH_STOPS.has(c))).map((m) => [m.index, m.index + m[0].length]);
}

const ITEM_START = /^(?:[\s\p{P}]+|和|与|與|及|や|と)$/u;
const ITEM_END = /^(?:[\s\p{P}]+|和|与|與|及|や|と|の|は|が|を|に|で|も|へ|など|等)$/u;

/** A Chinese or Japanese word listed beside a linked name (美国、欧盟; 中国やロシア), as the segmenter cuts it. */
function listed(text: string, language: string, linked: Span[]): Span[] {
  const segments = [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)];
  const out: Span[] = [];
  segments.forEach((s, i) => {
    if (!/^(?:、|和|や)$/u.test(s.segment)) return;
    const before = segments[i - 1];
    const after = segments[i + 1];
    if (!before || !after) return;
    const isLinked = (a: number, b: number) => linked.some(([x, y]) => x === a && y === b);
    const word = (w: Intl.SegmentData) => /^[\p{Script=Han}\p{Script=Katakana}ー]{2,6}$/u.test(w.segment);
    // The listed word must be a whole item: punctuation, a list word or (after it) a particle on its other side,
    // not 中美 in 中美关切事宜, nor a predicate before a comma (影響力は低下、中国と).
    const edge = (w: Intl.SegmentData | undefined, ok: RegExp) => !w || ok.test(w.segment);
    if (isLinked(before.index, s.index) && word(after) && edge(segments[i + 2], ITEM_END)) out.push([after.index, after.index + after.segment.length]);
    if (isLinked(after.index, after.index + after.segment.length) && word(before) && edge(segments[i - 2], ITEM_START)) out.push([before.index, s.index]);
  });
  return out;
}

export function contextNames(text: string, paragraph: number, language: string, linked: Span[], taken: (start: number, end: number) => boolean): NameSpan[] {
  const lang = language.split('-')[0];
  const found =
    lang === 'zh' ? [...chinese(text), ...listed(text, language, linked), ...going(text, lang)] :
    lang === 'ja' ? [...japanese(text), ...listed(text, language, linked), ...going(text, lang)] :
    lang === 'ko' ? korean(text) : [];
  return found.filter(([s, e]) => e > s && !taken(s, e)).map(([start, end]) => ({ paragraph, start, end, name: text.slice(start, end) }));
}

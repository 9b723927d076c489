import type { NameSpan } from './name-span';

/**
 * People's names in Chinese, Japanese and Korean text, which has no capitals: the name next to
 * a title. Chinese writes the title first (总统拜登, 國家主席習近平, 副国务卿雪蔓); Japanese
 * after the name, with the country's one-character abbreviation between at times (トランプ米大統領,
 * 王毅氏, ルビオ国務長官); Korean after the name and its country (도널드 트럼프 미국 대통령,
 * 김수연 기자입니다). A Chinese name runs from the title to the first function character, word
 * the segmenter knows (ICU's dictionary) once two characters are taken, or fourth character.
 */

const ZH_TITLES = [
  '国家主席', '國家主席', '副国务卿', '副國務卿', '国务卿', '國務卿', '副总统', '副總統', '总统', '總統', '总理', '總理',
  '首相', '主席', '发言人', '發言人', '外长', '外長', '高级代表', '高級代表', '部长', '部長', '大使', '总书记', '總書記',
];
/** Characters that end a Chinese name: verbs and particles that follow one (会, 在, 跟, 说...). */
export const ZH_STOPS = new Set('会會在跟和与與向说說的对對将將于於也已是称稱表并並则則就都被把及同等曾再还還因今昨前后後时時'.split(''));

const JA_TITLE = /^(?:[米ロ露中英仏独韓日])?(?:大統領補佐官|大統領|首相|国務副長官|国務長官|国家主席|外務大臣|外相|報道官|書記|主席|総理|議長|長官|大臣|氏)/u;
const JA_NAME = /(?:[\p{Script=Katakana}ー・]{2,}|(?<=[のと、。「\s]|^)\p{Script=Han}{2,3})$/u;

const KO_TITLES = [
  '대통령', '당선인', '총리', '국가주석', '주석', '국무위원장', '위원장', '총비서', '장관', '국무장관', '외무장관', '대변인',
  '기자', '특파원', '교수', '의장', '총장', '여사',
];
/** What Korean writes onto a title: particles and the copula (대통령이, 기자입니다), never another noun (기자회견). */
const KO_TITLE_TAIL = /^(?:|이|가|은|는|을|를|의|과|와|도|에게|입니다|이다|으로|로|이며|이자)$/u;
const KO_SKIP = new Set(['전', '현', '/', '당시', '미', '중', '북한', '미국', '중국', '일본', '러시아', '한국', '영국', '프랑스', '독일', '인도네시아', '캐나다', '우크라이나']);
const KO_NOT_NAME = new Set(['이날', '앞서', '지난', '한편', '또', '특히', '이어', '당시', '그는', '이에', '오늘', '어제', '현지시간']);
const KO_PARTICLE_END = /[은는이가을를에의와과]$/u;

const HAN = /\p{Script=Han}/u;

function chineseNames(text: string, language: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const segments = [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)];
  const multiEnd = new Set(segments.filter((s) => s.segment.length >= 2).map((s) => s.index + s.segment.length));
  const multiAt = new Set(segments.filter((s) => s.segment.length >= 2).map((s) => s.index));
  for (const title of ZH_TITLES) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
      const start = at + title.length;
      let end = start;
      while (end < text.length && end - start < 4 && HAN.test(text[end]!) && !ZH_STOPS.has(text[end]!) && !(end - start >= 2 && (multiAt.has(end) || multiEnd.has(end)))) end++;
      // 主席 inside 国家主席 finds the same name again.
      if (end - start >= 2 && !out.some(([s]) => s === start)) out.push([start, end]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function japaneseNames(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < text.length; i++) {
    if (!JA_TITLE.test(text.slice(i)) || JA_TITLE.test(text.slice(i - 1))) continue;
    const name = JA_NAME.exec(text.slice(0, i));
    // A ministry or office before the title (国防省報道官) is no name.
    if (name && !/[省部庁局会院]$/u.test(name[0])) out.push([name.index, i]);
  }
  return out;
}

function koreanNames(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // A parenthesis between name and title (윤석열(왼쪽부터) 대통령) is read as a space.
  const plain = text.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length));
  const words = [...plain.matchAll(/[\p{Script=Hangul}]+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  words.forEach((w, i) => {
    if (!KO_TITLES.some((t) => w.text.startsWith(t) && KO_TITLE_TAIL.test(w.text.slice(t.length)))) return;
    let j = i - 1;
    // The country and a party (북한 노동당 총비서) stand between a name and its title.
    while (j >= 0 && (KO_SKIP.has(words[j]!.text) || /.(?:당|부|대학교)$/u.test(words[j]!.text))) j--;
    const last = words[j];
    if (!last || KO_TITLES.includes(last.text) || KO_NOT_NAME.has(last.text) || last.text.length > 4 || last.text.length < 2 || /\d$/.test(plain.slice(0, last.start))) return;
    const first = words[j - 1];
    const two = first && !KO_NOT_NAME.has(first.text) && !KO_PARTICLE_END.test(first.text) && first.text.length <= 3 && /^\s+$/.test(plain.slice(first.end, last.start));
    out.push([two ? first.start : last.start, last.end]);
  });
  return out;
}

/** Names by a title in one paragraph, outside the spans already linked. */
export function titledCjkNames(text: string, paragraph: number, language: string, taken: (start: number, end: number) => boolean): NameSpan[] {
  const lang = language.split('-')[0];
  const found = lang === 'zh' ? chineseNames(text, language) : lang === 'ja' ? japaneseNames(text) : lang === 'ko' ? koreanNames(text) : [];
  return found
    .filter(([start, end]) => !taken(start, end))
    .map(([start, end]) => ({ paragraph, start, end, name: text.slice(start, end), titled: true }));
}

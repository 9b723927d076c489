import { ZH_STOPS } from './cjk-names';
import type { NameSpan } from './name-span';

/**
 * Organisations and places in Chinese, Japanese and Korean text, which has no capitals and no
 * title before them: the word for their kind written as the name's last part (国防部, 世界銀行,
 * 安全保障会議, 통일부, 노동당, 크렘린궁), a Korean place where something was held (인민대회당에서
 * 열린) and the place named before it after a known one (중국 베이징), and the wire service of a
 * Korean photo credit (로이터연합뉴스, ⓒ 로이터=뉴스1). Chinese and Japanese names are cut at the
 * word segmenter's boundaries (ICU's dictionary, through Intl.Segmenter): the suffix word and up
 * to four words of two characters or more before it.
 */

const ZH_JA_SUFFIXES = [
  '部', '院', '省', '市', '县', '縣', '庁', '県', '党', '黨', '社', '银行', '銀行', '新闻', '新聞', '邮报', '郵報', '日报', '日報', '时报', '時報',
  '委员会', '委員會', '委員会', '大学', '大學', '公司', '集团', '集團', '会議', '議会', '通信', '株式会社',
];
/** A segment that only ends with the suffix must be this long: 北部 and 全部 are words, 華盛頓郵報 a name. */
const MIN_GLUED = 3;
const NAME_PART = /^[\p{Script=Han}\p{Script=Katakana}ー・A-Za-z]{2,}$/u;
/** Parts of a country, not bodies: 东北部, 西南部. */
const DIRECTION = /^[东西南北中東]{1,2}部$/u;

function hanSuffixNames(text: string, language: string): Array<[number, number]> {
  const segments = [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)];
  const out: Array<[number, number]> = [];
  segments.forEach((s, i) => {
    const suffix = ZH_JA_SUFFIXES.find((x) => s.segment === x || (s.segment.length >= MIN_GLUED && s.segment.endsWith(x) && NAME_PART.test(s.segment)));
    if (!suffix || DIRECTION.test(s.segment) || DIRECTION.test((segments[i - 1]?.segment ?? '') + s.segment)) return;
    let k = i;
    const part = (seg: string) => NAME_PART.test(seg) && ![...seg].some((c) => ZH_STOPS.has(c));
    while (k > 0 && i - k < 4 && part(segments[k - 1]!.segment) && segments[k - 1]!.index + segments[k - 1]!.segment.length === segments[k]!.index) k--;
    if (k === i && s.segment === suffix) return; // the bare word (部, 会議) is no name
    out.push([segments[k]!.index, s.index + s.segment.length]);
  });
  return out;
}

/** Korean suffixes with the fewest syllables a name with them has (통일부 but not 정부, 일부). */
const KO_SUFFIXES: Array<[string, number]> = [
  ['대학교', 4], ['대학', 3], ['위원회', 4], ['사무소', 4], ['공단', 3], ['은행', 3], ['뉴스', 3], ['통신', 3], ['일보', 3], ['신문', 3],
  ['부', 3], ['당', 3], ['궁', 3], ['청', 3], ['주', 4],
];
const KO_NOT_SUFFIXED = /^(?:정부|일부|내부|외부|북부|남부|중부|동부|서부|전부|간부|본부|대부|요청|초청|이번주|지난주|다음주|사람당|인당|명당|.+연합뉴스)$/u;
const KO_PARTICLE = /(?:에서|에게|으로|이|가|은|는|을|를|의|와|과|에|로|도|만)$/u;
const KO_HELD = /^(?:열린|열리는|열렸|열린다|개최|만나|만난|만났)/u;
const KO_AREA = new Set(['일대', '인근', '근처', '현장', '주변']);
const KO_NOT_PLACE = new Set(['회의', '회담', '행사', '자리', '곳', '기자회견', '정상회의', '이날', '지난']);

function koreanSuffixNames(text: string, taken: (start: number, end: number) => boolean): Array<[number, number]> {
  const words = [...text.matchAll(/[\p{Script=Hangul}A-Za-z0-9=]+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Array<[number, number]> = [];
  const stem = (w: { text: string; start: number }) => {
    const bare = w.text.replace(KO_PARTICLE, '');
    return { text: bare.length >= 2 ? bare : w.text, start: w.start, end: w.start + (bare.length >= 2 ? bare.length : w.text.length) };
  };
  const hangul = (s: string) => /^[\p{Script=Hangul}]+$/u.test(s);
  words.forEach((w, i) => {
    const s = stem(w);
    if (hangul(s.text) && !KO_NOT_SUFFIXED.test(s.text) && KO_SUFFIXES.some(([x, n]) => s.text.endsWith(x) && s.text.length >= n)) out.push([s.start, s.end]);
    // Where something was held or people met: "인민대회당에서 열린", "톈안먼 일대에서 열린".
    if (w.text.endsWith('에서') && KO_HELD.test(words[i + 1]?.text ?? '')) {
      let at = i;
      if (KO_AREA.has(w.text.slice(0, -2))) at = i - 1;
      const place = at === i ? { text: w.text.slice(0, -2), start: w.start, end: w.end - 2 } : words[at] && stem(words[at]!);
      if (!place || place.text.length < 2 || !hangul(place.text) || KO_NOT_PLACE.has(place.text)) return;
      out.push([place.start, place.end]);
      // The place before it, after a known place or a parenthesis: "중국 베이징 인민대회당에서", "(현지시간) 알래스카 앵커리지에서".
      const before = words[at - 1];
      if (before && hangul(before.text) && before.text.length >= 2 && !KO_PARTICLE.test(before.text) && /^\s+$/.test(text.slice(before.end, words[at]!.start))) {
        const prior = words[at - 2];
        if ((prior && taken(prior.start, prior.end)) || /\)\s*$/.test(text.slice(0, before.start))) out.push([before.start, before.end]);
      }
    }
  });
  // A photo credit closing a paragraph (연합뉴스, AP연합뉴스) or after ⓒ (ⓒ 로이터=뉴스1): the services in it.
  const credit = /(?:^|[.다]\s+|ⓒ\s*)([A-Za-z\p{Script=Hangul}]+?)?(연합뉴스|=뉴스1)?\s*$/u.exec(text.replace(/ⓒ\s*News1.*$/u, ''));
  if (credit && (credit[1] || credit[2]) && (credit[2] || (credit[1] && credit[1].length <= 6))) {
    let at = credit.index + credit[0].length - (credit[1]?.length ?? 0) - (credit[2]?.length ?? 0) - (credit[0].length - credit[0].trimEnd().length);
    if (credit[1]) out.push([at, (at += credit[1].length)]);
    if (credit[2] === '연합뉴스') out.push([at, at + credit[2].length]);
  }
  return out;
}

/** Names by the word for their kind, or by where they stand, in one paragraph, outside the spans already linked. */
export function suffixedCjkNames(text: string, paragraph: number, language: string, taken: (start: number, end: number) => boolean): NameSpan[] {
  const lang = language.split('-')[0];
  const found = lang === 'zh' || lang === 'ja' ? hanSuffixNames(text, language) : lang === 'ko' ? koreanSuffixNames(text, taken) : [];
  const seen = new Set<string>();
  return found
    .filter(([start, end]) => !taken(start, end) && !seen.has(`${start}:${end}`) && seen.add(`${start}:${end}`))
    .map(([start, end]) => ({ paragraph, start, end, name: text.slice(start, end) }));
}

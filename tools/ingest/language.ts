/**
 * The language a text is most likely in, from the script most of its letters are written in,
 * for sources that declare none. A script names one language only where it is used by one
 * language above all others in news (Hangul: Korean; kana: Japanese; Thai): Devanagari is
 * taken as Hindi, the first language of this API; Han without kana as Chinese. Latin and
 * other shared scripts give no answer (undefined): the story then needs a declared language.
 */
const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Tamil}/gu, 'ta'],
  [/\p{Script=Gujarati}/gu, 'gu'],
  [/\p{Script=Gurmukhi}/gu, 'pa'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
];

export function languageOfText(text: string): string | undefined {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return undefined;
  const counts = SCRIPTS.map(([re, tag]) => [tag, (text.match(re) ?? []).length] as const);
  // Japanese mixes kana with Han: any real share of kana makes it Japanese, not Chinese.
  const kana = counts.find(([t]) => t === 'ja')![1];
  if (kana > letters * 0.05) return 'ja';
  const [tag, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return n > letters / 2 ? tag : undefined;
}

/**
 * Names of countries that news prints and neither i18n-iso-countries nor CLDR lists: older or
 * regional forms (俄国 for Russia, 米国 for the United States in Japanese papers, 南韩 and 北韩 in
 * Chinese, "S. Korea" in headlines) and the plain "Korea" that English news uses for the South.
 * By ISO 3166-1 alpha-2 code; each is checked like the packages' names (a name two countries
 * share in one language is dropped for both).
 */
export const NEWS_NAMES: Record<string, Array<{ language: string; value: string }>> = {
  US: [
    { language: 'ja', value: '米国' },
    { language: 'zh', value: '美利坚合众国' },
    { language: 'hi', value: 'यूएस' },
  ],
  RU: [
    { language: 'zh', value: '俄国' },
    { language: 'zh-Hant', value: '俄國' },
    { language: 'hi', value: 'रशिया' },
  ],
  KR: [
    { language: 'en', value: 'Korea' },
    { language: 'en', value: 'S. Korea' },
    { language: 'zh', value: '南韩' },
    { language: 'zh-Hant', value: '韓國' },
    { language: 'ko', value: '남한' },
  ],
  KP: [
    { language: 'en', value: 'N. Korea' },
    { language: 'en', value: 'DPRK' },
    { language: 'zh', value: '北韩' },
    { language: 'ja', value: '朝鮮民主主義人民共和国' },
  ],
  TW: [
    { language: 'zh-Hant', value: '台灣' },
    { language: 'zh-Hant', value: '臺灣' },
    { language: 'ja', value: '台湾' },
  ],
  GB: [
    { language: 'en', value: 'Britain' },
    { language: 'en', value: 'Great Britain' },
    { language: 'hi', value: 'ब्रिटेन' },
  ],
  CN: [{ language: 'zh-Hant', value: '中國' }],
};

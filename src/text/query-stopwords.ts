import { fold } from './analyze';

/**
 * Query-only stopwords: question words and particles that people type into a search box and
 * that say nothing about which article they want (कितने, कब, "how many", 什么, いつ). They stay
 * in the index (they are content words in running text, and a quoted phrase may need them)
 * but an unquoted query word that is one of them is not a term of the query, so a document is
 * not expected to hold it. The lists follow the interrogatives and auxiliaries of each
 * language's grammar (hi, en, zh, ja, ko); words are compared folded (analyze.ts fold), so
 * Hindi spelling variants (कहाँ/कहां) fall together.
 */
const WORDS: Record<string, string> = {
  hi: 'कितने कितना कितनी कब क्या कौन कौनसा कौनसी कौनसे किस किसे किसने किसको किसका किसकी किसके कहाँ कहां क्यों कैसे कैसा कैसी किन किन्हें किन्होंने था थे थी है हैं हुआ हुई हुए गया गई गए',
  en: 'what whats when where which who whom whose why how many much does did do was were is are been has have had can could would should',
  zh: '什么 什麼 多少 几 幾 哪 哪个 哪個 哪些 哪里 哪裡 哪儿 谁 誰 何时 何時 什么时候 什麼時候 为什么 為什麼 怎么 怎麼 怎样 怎樣 如何 吗 嗎 呢 是 的 了 在 有',
  ja: 'いつ 何 なに なん 誰 だれ どこ どの どれ どう どんな なぜ いくつ いくら 幾つ か は が の を に で と も です でした ます ました した ま さ れ た いる',
  ko: '무엇 무엇을 무엇이 언제 어디 어디에 어디서 누구 누가 왜 어떻게 몇 얼마나 어느 무슨 어떤',
};

const STOP = new Set(Object.values(WORDS).flatMap((list) => list.split(' ').map(fold)));

/** True when `word` (as typed) is a question word or particle of a query in any of the languages. */
export const isQueryStopword = (word: string): boolean => STOP.has(fold(word));

/**
 * A deterministic synthetic corpus for benchmarks: N articles, marked `generated: true`,
 * written from templates around the real knowledge base's names so mentions, lists and search
 * postings have a realistic shape. Never placed in data/, so never served by default.
 */
import type { TextSourceFile } from '../tools/build/read-data-set';

/** mulberry32: a small, fast, seedable PRNG, so the same N and seed give the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = {
  hi: ['पुतिन', 'किम जोंग उन', 'उत्तर कोरिया', 'रूस', 'चीन', 'अमेरिका', 'वियतनाम', 'मास्को', 'यूक्रेन', 'जापान', 'एनएचके'],
  en: ['Putin', 'Kim Jong Un', 'North Korea', 'Russia', 'China', 'United States', 'Vietnam', 'Moscow', 'Ukraine', 'Japan', 'NHK'],
};
const WORDS = {
  hi: ['सरकार', 'बैठक', 'दौरा', 'दौरे', 'समझौता', 'सेना', 'व्यापार', 'नेता', 'संबंध', 'सहयोग', 'चुनाव', 'बाजार', 'मौसम', 'खेल', 'अर्थव्यवस्था', 'तकनीक', 'अंतरिक्ष', 'उपग्रह', 'प्रक्षेपण', 'राजधानी', 'मंत्री', 'संसद', 'किसान', 'शिक्षा', 'स्वास्थ्य'],
  en: ['government', 'meeting', 'visit', 'visits', 'agreement', 'army', 'trade', 'leader', 'relations', 'cooperation', 'election', 'market', 'weather', 'sport', 'economy', 'technology', 'space', 'satellite', 'launch', 'capital', 'minister', 'parliament', 'farmers', 'education', 'health'],
};
const JOIN = { hi: ['ने', 'के साथ', 'में', 'पर', 'और', 'से', 'की'], en: ['and', 'with', 'in', 'on', 'of', 'for', 'after'] };
const EVENTS = ['putin-kim-summit-2019', 'putin-kim-summit-2023', 'putin-visit-to-north-korea-2024', 'russian-invasion-of-ukraine'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2015, 0, 1);

export function generateArticle(i: number, seed = 1): TextSourceFile {
  const rand = random(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const language = rand() < 0.7 ? 'hi' : 'en';
  const sentence = () => {
    const parts = [pick(NAMES[language])];
    const length = 6 + Math.floor(rand() * 10);
    for (let w = 0; w < length; w++) parts.push(rand() < 0.3 ? pick(JOIN[language]) : pick(WORDS[language]));
    if (rand() < 0.5) parts.push(pick(NAMES[language]));
    return parts.join(' ') + (language === 'hi' ? '।' : '.');
  };
  const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 4) }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' '),
  );
  const slug = `generated-${String(i).padStart(6, '0')}`;
  const article = {
    slug,
    language,
    headline: `${pick(NAMES[language])} ${pick(WORDS[language])} ${pick(WORDS[language])} ${pick(NAMES[language])}`,
    datePublished: new Date(START + Math.floor(rand() * 3650) * DAY_MS).toISOString().slice(0, 10),
    source: 'Generated for benchmarks; not news.',
    paragraphs,
    events: rand() < 0.3 ? [pick(EVENTS)] : [],
    generated: true,
  };
  return { path: `articles/${slug}.json`, text: JSON.stringify(article) };
}

/** N generated articles, one TextSourceFile each, to add to the real data's files. */
export function* generateCorpus(n: number, seed = 1): Generator<TextSourceFile> {
  for (let i = 1; i <= n; i++) yield generateArticle(i, seed);
}

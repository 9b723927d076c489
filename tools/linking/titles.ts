import { matchKey } from './match-key';

/**
 * Honorifics and titles that stand before a person's name (श्री नरेंद्र मोदी, President Putin,
 * रूसी राष्ट्रपति पुतिन) or after it (राहुल जी). They are not part of the name: they are
 * stripped from names read into the knowledge base, skipped in front of a mention, and taken as
 * a sign that the name after them is a person's (which picks the person among entities that
 * share an alias, and makes an unknown name worth a curator's look).
 */

const BEFORE: Record<string, string[]> = {
  hi: [
    'श्री', 'श्रीमती', 'सुश्री', 'कुमारी', 'डॉ', 'डॉक्टर', 'प्रो', 'प्रोफेसर', 'राष्ट्रपति', 'उपराष्ट्रपति',
    'प्रधानमंत्री', 'मुख्यमंत्री', 'मंत्री', 'केंद्रीय मंत्री', 'राज्यपाल', 'सांसद', 'विधायक', 'नेता',
    'अध्यक्ष', 'सचिव', 'निदेशक', 'प्रवक्ता', 'न्यायाधीश', 'जनरल', 'कर्नल', 'कैप्टन', 'अभिनेता',
    'अभिनेत्री', 'महात्मा', 'पंडित', 'स्वामी', 'संत', 'शहीद', 'सर', 'पीएम', 'सीएम',
  ],
  en: [
    'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Shri', 'Smt', 'President',
    'Vice President', 'Prime Minister', 'Chief Minister', 'Minister', 'Governor', 'Senator',
    'Chancellor', 'King', 'Queen', 'Prince', 'Princess', 'General', 'Gen', 'Colonel', 'Captain',
    'Judge', 'Justice', 'Chairman', 'Secretary', 'Director', 'Leader', 'Pope', 'Saint', 'St', 'PM', 'CM',
    'MP', 'MLA', 'Actor', 'Actress', 'Shaheed', 'Bhagwan', 'Pt', 'Pandit', 'Leader of the Opposition', 'Leader of Opposition',
  ],
};

/** Honorifics written after the name: राहुल जी, Rahul ji, गांधी साहब. */
const AFTER = ['जी', 'ji', 'साहब', 'sahab', 'saheb'];

const keyOf = (title: string) => title.split(/\s+/).map(matchKey).join(' ');

const titleKeys = new Set(Object.values(BEFORE).flat().map(keyOf));
const afterKeys = new Set(AFTER.map(matchKey));
const maxTitleWords = Math.max(...[...titleKeys].map((k) => k.split(' ').length));

/** How many of these words (already match-keyed, in order) form a title ending at their end. */
export function titleBefore(keys: string[]): number {
  for (let n = Math.min(maxTitleWords, keys.length); n >= 1; n--) {
    if (titleKeys.has(keys.slice(keys.length - n).join(' '))) return n;
  }
  return 0;
}

export const isTitleKey = (key: string): boolean => titleKeys.has(key);
export const isHonorificAfter = (key: string): boolean => afterKeys.has(key);

/**
 * A name without the titles and honorifics around it: "श्री नरेंद्र मोदी जी" -> "नरेंद्र मोदी",
 * "President Vladimir Putin" -> "Vladimir Putin". A name that is nothing but a title is kept.
 */
export function stripTitles(name: string): string {
  let parts = name.trim().split(/\s+/);
  const keys = () => parts.map((p) => matchKey(p.replace(/\.$/, '')));
  for (let changed = true; changed && parts.length > 1; ) {
    changed = false;
    for (let n = Math.min(maxTitleWords, parts.length - 1); n >= 1; n--) {
      if (titleKeys.has(keys().slice(0, n).join(' '))) {
        parts = parts.slice(n);
        changed = true;
        break;
      }
    }
  }
  while (parts.length > 1 && afterKeys.has(keys()[parts.length - 1]!)) parts = parts.slice(0, -1);
  return parts.join(' ');
}

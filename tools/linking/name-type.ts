import type { EntityType } from './knowledge-base';
import { en as ENGLISH_FUNCTION_WORDS } from 'stopwords-iso/stopwords-iso.json';
import { ENGLISH_STOPWORDS } from '../../src/text/english-stopwords';
import { HINDI_STOPWORDS } from '../../src/text/hindi-stopwords';
import { matchKey } from './match-key';
import { isCommonPhrase } from './common-words';
import { isTitleKey, stripTitles } from './titles';

const FUNCTION_WORDS = new Set(ENGLISH_FUNCTION_WORDS.filter((w) => !/\s/.test(w)));
const HINDI_FUNCTION_WORDS = new Set([...HINDI_STOPWORDS].map(matchKey));

/**
 * What kind of thing an unknown name is, guessed from the words in and around it, for the
 * editors' candidate list (tools/kb/candidates.ts): a title or honorific around it -> a
 * person; a party, ministry, company, team or institution word in it -> an organisation; a
 * word for a place (city, state, district, river; प्रदेश, नगर, जिला) -> a place. No guess is
 * better than a wrong one: the editor decides.
 */

const ORG_WORDS = [
  'party', 'congress', 'ministry', 'department', 'commission', 'committee', 'council', 'court', 'army', 'navy', 'police',
  'bank', 'company', 'corporation', 'corp', 'ltd', 'limited', 'inc', 'group', 'university', 'college', 'institute',
  'association', 'federation', 'union', 'agency', 'board', 'authority', 'club', 'fc', 'team', 'league', 'airlines',
  'senate', 'parliament', 'assembly', 'house', 'railways', 'academy', 'services', 'times', 'press', 'post', 'journal',
  'herald', 'tribune', 'express',
  'पार्टी', 'दल', 'कांग्रेस', 'मंत्रालय', 'विभाग', 'आयोग', 'समिति', 'परिषद', 'न्यायालय', 'अदालत', 'सेना', 'पुलिस', 'बैंक',
  'कंपनी', 'विश्वविद्यालय', 'संस्थान', 'संघ', 'बोर्ड', 'प्राधिकरण',
  '党', '部', '省', '委员会', '委員会', '银行', '銀行', '公司', '会社', '大学', '军', '軍', '당', '부', '위원회', '은행', '대학교',
].map(matchKey);

const PLACE_WORDS = [
  'city', 'state', 'province', 'district', 'county', 'river', 'island', 'islands', 'valley', 'lake', 'mountains', 'pradesh',
  'nagar', 'pur', 'प्रदेश', 'नगर', 'जिला', 'ज़िला', 'नदी', 'द्वीप', 'राज्य', '市', '省', '县', '縣', '州', '시', '도', '군',
].map(matchKey);

const EVENT_WORDS = [
  'day', 'summit', 'election', 'elections', 'olympics', 'games', 'cup', 'war', 'festival', 'puja', 'yatra', 'mahotsav',
  'conference', 'चुनाव', 'युद्ध', 'जंग', 'शिखर', '战争', '戰爭', '峰会', '峰會', '選挙', '戦争', '전쟁', '정상회담',
].map(matchKey);

export interface TypeSigns {
  /** A title or honorific stands before or after the name (राष्ट्रपति, Mr, जी). */
  titled: boolean;
}

/** A word of the name is in the list, or (Han, Hangul: written without spaces) the name ends with it. */
const has = (name: string, keys: string[], list: string[]) =>
  keys.some((k) => list.includes(k)) || list.some((w) => /[\p{Script=Han}\uAC00-\uD7A3]/u.test(w) && name.length > w.length && name.endsWith(w));

export function guessType(name: string, signs: TypeSigns): EntityType | undefined {
  const keys = name.split(/\s+/).map(matchKey);
  if (has(name, keys, ORG_WORDS)) return 'Organization';
  if (has(name, keys, PLACE_WORDS)) return 'Place';
  if (has(name, keys, EVENT_WORDS)) return 'Event';
  if (signs.titled) return 'Person';
  return undefined;
}

/**
 * Names that are page furniture, not news entities: credits (Getty Images, File Photo),
 * interface words (Read More, Subscribe), social networks. Any word of these ends the name's
 * chance to be a candidate.
 */
const NOISE_WORDS = new Set(
  [
    'images', 'image', 'photo', 'photos', 'picture', 'pictures', 'video', 'videos', 'read', 'more', 'subscribe', 'click', 'here',
    'follow', 'share', 'download', 'app', 'newsletter', 'advertisement', 'copyright', 'rights', 'reserved', 'facebook',
    'twitter', 'instagram', 'youtube', 'whatsapp', 'telegram', 'linkedin', 'live', 'updates', 'breaking', 'watch', 'episode',
    'फोटो', 'तस्वीर', 'वीडियो', 'पढ़ें', 'डाउनलोड', 'सब्सक्राइब',
  ].map(matchKey),
);

/** Devanagari words that follow a title as plain nouns ("प्रधानमंत्री पद", "मंत्री पद की शपथ"). */
const HINDI_NOUNS_AFTER_TITLES = new Set(['पद', 'कार्यालय', 'आवास', 'चुनाव', 'उम्मीदवार', 'पद्', 'बनने', 'बने'].map(matchKey));

/** Section names of a site's navigation: "National News", "Sports News", "News". */
const SECTION = /^((national|international|indian|india|world|sports|business|latest|top|breaking|local|entertainment|tech|health|political|state)\s+)?news$/i;

export function isNoiseName(name: string): boolean {
  const keys = name.split(/\s+/).map(matchKey);
  // A slash or a range of numbers: table headings and figures (Products/Revenue, FY22-25E).
  // A number may end a name (Apollo 11, Aurora 2023), never start one.
  // A fiscal year or quarter (FY25E, Q3) is a period, not a name.
  return keys.some((k) => NOISE_WORDS.has(k) || /^(fy|cy|q|h)\d{1,4}e?$/.test(k)) || /^\d/.test(keys[0]!) || HINDI_NOUNS_AFTER_TITLES.has(keys[0]!) || SECTION.test(name) || /\/|\d-\d/.test(name);
}

/**
 * The name an unknown span is a candidate under (cleaned, NFC), or undefined when it is page
 * furniture or only common words with nothing saying what it names (tools/linking/common-words.ts).
 */
export function candidateName(span: string, titled = false): string | undefined {
  let name = cleanName(span.normalize('NFC'));
  // After a title, a site's words glued on: "PM Modi News", "Modi Live".
  if (titled && name && / (news|live|today|latest|updates?|speech)$/i.test(name)) name = name.replace(/ \S+$/, '');
  if (!name || isNoiseName(name)) return undefined;
  return !titled && isCommonPhrase(name) && !guessType(name, { titled }) ? undefined : name;
}

/**
 * Words a capitalised run takes in at a sentence's start or end that are no part of a name
 * ("During the", "In", "Narendra Modi and", "Mann Ki Baat of"): Lucene's English stop set and
 * the adverbs and pronouns that open news sentences. A short list on purpose: stopwords-iso's
 * long one holds "new", "world" and "associated" (New Delhi, World Health Day, Associated Press).
 */
const LEADING_WORDS = new Set([
  ...ENGLISH_STOPWORDS,
  ...'during after before while when since also meanwhile however today yesterday tomorrow this these those his her its our your my we he she they i you me him them us said says'.split(' '),
]);
const GLUED_TITLE = /^(?:(?:mr|mrs|ms|dr|prof|shri|smt)\.\s*(?:\((?:mr|mrs|ms|dr)\.\))?)+(?=\p{Lu})/iu;
// A site's "Also Read" glued to the headline it links: "ReadThe S&P BSE Sensex".
const GLUED_READ = /^(?:[Aa]lso\s+)?[Rr]ead(?=\p{Lu})/u;

/**
 * The name without what a capitalised run or a title window drags in: leading function words
 * ("During the", "In", "The") and titles ("PM Narendra Modi" -> "Narendra Modi"). Undefined
 * when nothing of a name is left.
 */
export function cleanName(name: string): string | undefined {
  // A title glued to the name by its full stop: "Mr.R Madhavan", "Dr.(Ms.)Tessy Thomas".
  const words = name.trim().replace(GLUED_TITLE, '').replace(GLUED_READ, '').split(/\s+/);
  // A possessive ends the name: "Modi's Mann Ki Baat" is Modi's.
  const possessive = words.findIndex((w) => /['\u2019]s$/i.test(w));
  if (possessive >= 0) {
    words.splice(possessive + 1);
    words[possessive] = words[possessive]!.slice(0, -2);
  }
  const func = (w: string) => LEADING_WORDS.has(matchKey(w)) || HINDI_FUNCTION_WORDS.has(matchKey(w));
  while (words.length > 0 && func(words[0]!)) words.shift();
  while (words.length > 0 && func(words[words.length - 1]!)) words.pop();
  const left = stripTitles(words.join(' '));
  if (!left || isTitleKey(left.split(/\s+/).map(matchKey).join(' '))) return undefined;
  return left.split(/\s+/).every((w) => FUNCTION_WORDS.has(matchKey(w))) ? undefined : left;
}

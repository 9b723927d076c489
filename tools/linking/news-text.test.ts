import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, kbEntities } from './knowledge-base';
import { linkStory } from './link-story';
import { readKb } from './measure';

/** The rules for real news text, against the knowledge base as shipped (data/entities). */
const kb = buildKnowledgeBase(kbEntities(readKb(join(import.meta.dirname, '..', '..'))));
const linked = (text: string, language: string) =>
  linkStory({ language, paragraphs: [text] }, kb).mentions.map((m) => [text.slice(m.start, m.end), m.slug]);

describe('linking real news text', () => {
  it('reads interface lines in capitals and hashtags as words, not names', () => {
    expect(linked('SUBSCRIBE TO US', 'en')).toEqual([]);
    expect(linked('WATCH US LIVE', 'en')).toEqual([]);
    expect(linked('FOLLOW US ON INSTAGRAM', 'en')).toEqual([]);
    expect(linked('#USA #South Korea #BBCNews', 'en')).toEqual([]);
    expect(linked('Rahul Gandhi said that INDIA bloc parties are united', 'en')).toEqual([]);
  });

  it('links acronyms with a possessive or a full stop, and names in Title Case headlines', () => {
    expect(linked("The US's reply came late", 'en')).toEqual([['US', 'united-states']]);
    expect(linked('pressure from the U.S. to act', 'en')).toEqual([['U.S.', 'united-states']]);
    expect(linked('US Cops Shoot Man After Chase In Texas', 'en')).toEqual([['US', 'united-states']]);
    expect(linked('ruffled feathers in S. Korea with his statement', 'en')).toEqual([['S. Korea', 'south-korea']]);
  });

  it('links demonyms and adjectives to their country', () => {
    expect(linked('South Korean President Yoon met the American president', 'en')).toEqual([
      ['South Korean', 'south-korea'],
      ['American', 'united-states'],
    ]);
    expect(linked('जापानी कंपनी और चीनी राष्ट्रपति', 'hi')).toEqual([['जापानी', 'japan'], ['चीनी', 'china']]);
  });

  it('keeps a country out of a longer name the KB lacks', () => {
    expect(linked('the Election Commission of India (ECI)', 'en')).toEqual([]);
    expect(linked('the Indian Army and Digital India', 'en')).toEqual([]);
    expect(linked('the President of India spoke', 'en')).toEqual([['India', 'india']]);
    expect(linked('भारत सरकार ने कहा', 'hi')).toEqual([]);
    expect(linked('중국 정부는 밝혔다', 'ko')).toEqual([]);
    expect(linked('中国共产党中央政治局委员', 'zh')).toEqual([]);
    expect(linked('米国政府高官が明らかにした', 'ja')).toEqual([]);
  });

  it('matches Hindi spelling variants of loanwords', () => {
    expect(linked('मालदीव्स और मालदीव', 'hi')).toEqual([['मालदीव्स', 'maldives'], ['मालदीव', 'maldives']]);
  });

  it('finds Chinese and Japanese names without spaces, with CLDR and news names', () => {
    expect(linked('美国白宫昨宣布,总统拜登会在台湾今天晚间与中国国家主席通电话', 'zh')).toEqual([
      ['美国', 'united-states'],
      ['台湾', 'taiwan'],
      ['中国', 'china'],
    ]);
    expect(linked('美國總統與中國國家主席在印尼會晤,談論台灣與北韓問題', 'zh-Hant')).toEqual([
      ['美國', 'united-states'], ['中國', 'china'], ['印尼', 'indonesia'], ['台灣', 'taiwan'], ['北韓', 'north-korea'],
    ]);
    expect(linked('米国とロシアが協議し、アメリカはインドネシアに', 'ja')).toEqual([
      ['米国', 'united-states'], ['ロシア', 'russia'], ['アメリカ', 'united-states'], ['インドネシア', 'indonesia'],
    ]);
    // 南美 | 国家 (South American countries): 美国 is not a word here.
    expect(linked('南美国家的领导人', 'zh')).toEqual([]);
  });

  it('links an event and the names inside its name', () => {
    expect(linked('议题包括俄罗斯入侵乌克兰', 'zh')).toEqual([
      ['俄罗斯入侵乌克兰', 'russian-invasion-of-ukraine'], ['俄罗斯', 'russia'], ['乌克兰', 'ukraine'],
    ]);
    expect(linked('यूक्रेन जंग में रूस', 'hi')).toEqual([
      ['यूक्रेन जंग', 'russian-invasion-of-ukraine'], ['यूक्रेन', 'ukraine'], ['रूस', 'russia'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { titledCjkNames } from './cjk-names';
import { suffixedCjkNames } from './cjk-suffix-names';
import { candidateName } from './name-type';
import { unknownNames } from './unknown-names';

/** The signals that find names the KB lacks in each script (tools/linking/unknown-names.ts and the files it calls). */
const names = (text: string, language: string) => unknownNames([text], language, []).map((n) => n.name);
const none = () => false;

describe('names the KB lacks', () => {
  it('splits names joined by "and", keeps hyphenated given names and a number that ends a name', () => {
    expect(names('Congress leaders Rahul Gandhi and Priyanka Gandhi met in Delhi.', 'en')).toEqual(['Rahul Gandhi', 'Priyanka Gandhi', 'Delhi']);
    expect(names('supporters of suspended president Yoon Suk-yeol and Ahn Jae-eun said', 'en')).toEqual(['Yoon Suk-yeol', 'Ahn Jae-eun']);
    expect(names('stepped off Apollo 11 to become', 'en')).toEqual(['Apollo 11']);
  });

  it('ends a run at a title inside it and finds nothing in a Title Case headline', () => {
    expect(names('a remark by Congress MP Rahul Gandhi on Monday', 'en')).toEqual(['Congress', 'Rahul Gandhi']);
    expect(names('Jail Me But My Leaders Won’t Back An Inch: Navjot Singh Sidhu Meets Rahul Gandhi', 'en')).toEqual([]);
  });

  it('leaves out runs of common words, trade abbreviations and table headings, but not a kind of body or event', () => {
    for (const noise of ['Mentor', 'Radio Address', 'Engineering Goods', 'CAGR', 'Rs 3300', 'Products/Revenue Segments', 'FY22-25E']) expect(candidateName(noise)).toBeUndefined();
    expect(candidateName('Supreme Court')).toBe('Supreme Court');
    expect(candidateName('World Health Day')).toBe('World Health Day');
    expect(candidateName('Mr.R Madhavan')).toBe('R Madhavan');
    expect(candidateName('Dr.(Ms.)Tessy Thomas')).toBe('Tessy Thomas');
    expect(candidateName('Narendra Modi and')).toBe('Narendra Modi');
  });

  it('finds Devanagari names by a dateline and by the word for a place or body around them', () => {
    expect(names('माले: मालदीव के राष्ट्रपति', 'hi')).toEqual(['माले']);
    expect(names('उनका जन्म मध्य प्रदेश के दतिया जिले में हुआ था और नीति आयोग के सदस्य', 'hi')).toEqual(['मध्य प्रदेश', 'दतिया', 'नीति आयोग']);
    // A known given name as a paragraph's last word: nothing after it to read.
    expect(names('बैठक में पहुंचे राजेश', 'hi')).toEqual([]);
  });

  it('finds Chinese, Japanese and Korean names next to a title', () => {
    const found = (text: string, language: string) => titledCjkNames(text, 0, language, none).map((n) => n.name);
    expect(found('美国白宫昨宣布,总统拜登会在台湾今天与中国国家主席习近平通电话', 'zh')).toEqual(['拜登', '习近平']);
    expect(found('乌克兰总统泽连斯基18日说', 'zh')).toEqual(['泽连斯基']);
    expect(found('トランプ米大統領とゼレンスキー大統領、中国の王毅氏', 'ja')).toEqual(['トランプ', 'ゼレンスキー', '王毅']);
    expect(found('本土の国防省報道官が', 'ja')).toEqual([]);
    expect(found('쥐스탱 트뤼도 캐나다 총리가 밝혔다. 윤석열(왼쪽부터) 대통령과 김정은 북한 노동당 총비서', 'ko')).toEqual(['쥐스탱 트뤼도', '윤석열', '김정은']);
    expect(found('한미일 정상 공동 기자회견에', 'ko')).toEqual([]);
  });

  it('cuts a common word before a name, a byline after a wire service, and a programme after a titled name', () => {
    expect(names('Sell Tata Motors, says the broker.', 'en')).toEqual(['Tata Motors']);
    expect(names('"I met my Friend Sonia ji today," he said.', 'en')).toEqual(['Sonia']);
    expect(names('said the Leader of the Opposition Rahul Gandhi on Monday', 'en')).toEqual(['Rahul Gandhi']);
    expect(names('a story by Associated Press Zeke Miller, in Seoul', 'en')).toEqual(['Associated Press', 'Zeke Miller', 'Seoul']);
    expect(names('the talk PM Narendra Modi Mann Ki Baat with Nation', 'en').filter((n) => candidateName(n))).toEqual(['Narendra Modi', 'Mann Ki Baat']);
    expect(names('to impose the President’s Rule in Punjab', 'en').filter((n) => candidateName(n))).toEqual(['Punjab']);
    expect(names('for the year.   Financials  For the quarter', 'en')).toEqual([]);
    expect(candidateName('FY25E')).toBeUndefined();
    expect(candidateName('Modi News', true)).toBe('Modi');
    expect(candidateName('ReadThe Nifty Bank')).toBe('Nifty Bank');
  });

  it('finds Devanagari names by a known given name and bodies of several words joined by और', () => {
    expect(names('चुनाव में मोहम्मद सोलिह ने हार मान ली', 'hi')).toEqual(['मोहम्मद सोलिह']);
    expect(names('सचिव, कृषि और किसान कल्याण मंत्रालय ने कहा', 'hi')).toEqual(['कृषि और किसान कल्याण मंत्रालय']);
    expect(names('छात्रों और संस्थान के कर्मचारियों को', 'hi')).toEqual([]);
  });

  it('finds Chinese, Japanese and Korean bodies and places by the word for their kind or where they stand', () => {
    const found = (text: string, language: string, linked: Array<[number, number]> = []) =>
      suffixedCjkNames(text, 0, language, (s, e) => linked.some(([a, b]) => a < e && s < b)).map((n) => n.name);
    expect(found('他说美国国防部和世界银行都在东北部', 'zh')).toEqual(['美国国防部', '世界银行']);
    expect(found('ロシア連邦安全保障会議のメドベージェフ副議長', 'ja')).toEqual(['ロシア連邦安全保障会議']);
    expect(found('통일부 대변인은 정부 일부 인사가 노동당 대회에', 'ko')).toEqual(['통일부', '노동당']);
    expect(found('일본 도쿄 신주쿠에서 열린 회의에', 'ko', [[0, 2]])).toEqual(['신주쿠', '도쿄']);
    expect(found('악수하고 있다. AP연합뉴스', 'ko')).toEqual(['AP', '연합뉴스']);
  });
});

import { describe, expect, it } from 'vitest';
import { titledCjkNames } from './cjk-names';
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
});

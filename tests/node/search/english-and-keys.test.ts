import { describe, expect, it } from 'vitest';
import { analyze, fold, termOf } from '../../../src/text/analyze';
import { englishFold, harmanStem } from '../../../src/text/english-stemmer';
import { isEnglishStopword } from '../../../src/text/english-stopwords';
import { nameKey } from '../../../src/text/name-key';

describe("English: lower case, possessive, Harman's S stemmer", () => {
  it.each([
    ['visits', 'visit'],
    ['countries', 'country'],
    ['news', 'new'], // Harman's rule: a known over-stem, same at index and query time
    ['class', 'class'],
    ['virus', 'virus'],
    ['shoes', 'shoes'], // -oes stays
    ['agrees', 'agrees'], // -ees stays
    ['series', 'sery'], // Harman's -ies rule, even where it misfires
    ['is', 'is'],
  ])('%s -> %s', (input, output) => expect(harmanStem(input)).toBe(output));

  it.each([
    ["Putin's", 'putin'],
    ['Putin\u2019s', 'putin'],
    ['SATELLITES', 'satellite'],
  ])('%s folds to %s', (input, output) => expect(englishFold(input)).toBe(output));

  it.each(['the', 'of', 'and', 'to'])('%s is a stopword', (w) => expect(isEnglishStopword(w)).toBe(true));
});

describe('cross-script name keys', () => {
  it.each([
    ['पुतिन', 'Putin', 'ptn'],
    ['किम', 'Kim', 'km'],
    ['जोंग', 'Jong', 'jng'],
    ['व्लादिमीर', 'Vladimir', 'vldmr'],
    ['मोदी', 'Modi', 'md'],
    ['ज़ेलेंस्की', 'Zelenskyy', 'jlnsk'],
    ['वियतनाम', 'Vietnam', 'vtm'],
    ['चीन', 'China', 'cn'],
    ['बाइडन', 'Biden', 'bdn'],
    ['जिनपिंग', 'Jinping', 'jmpng'],
    ['प्योंगयांग', 'Pyongyang', 'pngng'],
    ['ट्रंप', 'Trump', 'trmp'],
  ])('%s and %s share the key %s', (hi, en, key) => {
    expect(nameKey(hi)).toBe(key);
    expect(nameKey(en)).toBe(key);
  });

  it.each([
    ['मास्को', 'Moscow'], // the w of -ow is written, not pronounced: no key bridges it (an alias does)
    ['शी', 'Xi'], // one consonant each, and different ones
  ])('%s and %s do not share a key', (hi, en) => expect(nameKey(hi)).not.toBe(nameKey(en)));

  it('gives no key to words of fewer than two consonants', () => {
    expect(nameKey('उन')).toBe('');
    expect(nameKey('un')).toBe('');
  });

  it('keys every word of kim jong un / किम जोंग उन alike', () => {
    const keys = (s: string) => analyze(s).map((t) => t.key);
    expect(keys('किम जोंग उन')).toEqual(keys('Kim Jong Un'));
  });
});

describe('the analysis chain', () => {
  it('keeps offsets of the text as given (UTF-16), with NFC applied per word', () => {
    const text = 'पुतिन ने क\u093Cहा।';
    const tokens = analyze(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['पुतिन', 'ने', 'क\u093Cहा']);
    expect(tokens[1]!.term).toBe(''); // ने is a stopword
  });

  it('indexes a Hindi word and its inflections under one term', () => {
    expect(termOf('दौरे')).toBe(termOf('दौरा'));
    expect(termOf('संबंधों')).toBe(termOf('संबंध'));
    expect(termOf('लड़कियों')).toBe(termOf('लड़की'));
  });

  it('maps Devanagari digits to ASCII (as Lucene DecimalDigitFilter)', () => {
    expect(termOf('२०१९')).toBe('2019');
  });

  it('folds for type-ahead without stemming', () => {
    expect(fold('Kim')).toBe('kim');
    expect(fold('पुतीन')).toBe(fold('पुतिन'));
  });
});

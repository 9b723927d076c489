import { describe, expect, it } from 'vitest';
import { hindiNormalize } from '../../../src/text/hindi-normalizer';
import { hindiStem } from '../../../src/text/hindi-stemmer';
import { HINDI_STOPWORDS, isHindiStopword } from '../../../src/text/hindi-stopwords';
import { indicNormalize } from '../../../src/text/indic-normalizer';

/**
 * Cases from Lucene's own tests (apache/lucene, analysis/common/src/test/.../in/TestIndicNormalizer.java,
 * .../hi/TestHindiNormalizer.java, .../hi/TestHindiStemmer.java), then cases of this project.
 */
describe('IndicNormalizer (Lucene TestIndicNormalizer.testBasics, Devanagari rows)', () => {
  it.each([
    ['अाॅअाॅ', 'ऑऑ'],
    ['अाॆअाॆ', 'ऒऒ'],
    ['अाेअाे', 'ओओ'],
    ['अाैअाै', 'औऔ'],
    ['अाअा', 'आआ'],
    ['अाैर', 'और'],
  ])('%s -> %s', (input, output) => expect(indicNormalize(input)).toBe(output));

  it.each([
    ['क\u093C', '\u0958', 'consonant + nukta composes (NFC leaves them apart)'],
    ['पुतिन', 'पुतिन', 'plain text passes unchanged'],
    ['', '', 'empty term (Lucene testEmptyTerm)'],
  ])('%s -> %s (%s)', (input, output) => expect(indicNormalize(input)).toBe(output));
});

describe('HindiNormalizer (Lucene TestHindiNormalizer)', () => {
  it.each([
    // testBasics: the example from Pingali & Varma
    ['अँगरेज़ी', 'अंगरेजि'],
    ['अँगरेजी', 'अंगरेजि'],
    ['अँग्रेज़ी', 'अंगरेजि'],
    ['अँग्रेजी', 'अंगरेजि'],
    ['अंगरेज़ी', 'अंगरेजि'],
    ['अंगरेजी', 'अंगरेजि'],
    ['अंग्रेज़ी', 'अंगरेजि'],
    ['अंग्रेजी', 'अंगरेजि'],
    // testDecompositions
    ['क़िताब', 'किताब'],
    ['फ़र्ज़', 'फरज'],
    ['क़र्ज़', 'करज'],
    ['ऱऴख़ग़ड़ढ़य़', 'रळखगडढय'],
    ['शार्\u200Dमा', 'शारमा'],
    ['शार्\u200Cमा', 'शारमा'],
    ['ॅॆॉॊऍऎऑऒ\u0972', 'ेेोोएएओओअ'],
    ['आईऊॠॡऐऔीूॄॣैौ', 'अइउऋऌएओिुृॢेो'],
    ['', ''],
  ])('%s -> %s', (input, output) => expect(hindiNormalize(input)).toBe(output));

  it('folds NFC-decomposed and precomposed nukta letters alike', () => {
    expect(hindiNormalize('\u0958')).toBe(hindiNormalize('क\u093C'));
  });

  it('turns dead n before a consonant into anusvara (Larkey et al.)', () => {
    expect(hindiNormalize('हिन्दी')).toBe(hindiNormalize('हिंदी'));
  });
});

describe('HindiStemmer (Lucene TestHindiStemmer)', () => {
  it.each([
    // testMasculineNouns
    ['लडका', 'लडक'],
    ['लडके', 'लडक'],
    ['लडकों', 'लडक'],
    ['गुरु', 'गुर'],
    ['गुरुओं', 'गुर'],
    ['दोस्त', 'दोस्त'],
    ['दोस्तों', 'दोस्त'],
    // testFeminineNouns
    ['लडकी', 'लडक'],
    ['लडकियों', 'लडक'],
    ['किताब', 'किताब'],
    ['किताबें', 'किताब'],
    ['किताबों', 'किताब'],
    ['आध्यापीका', 'आध्यापीक'],
    ['आध्यापीकाएं', 'आध्यापीक'],
    ['आध्यापीकाओं', 'आध्यापीक'],
    // testVerbs
    ['खाना', 'खा'],
    ['खाता', 'खा'],
    ['खाती', 'खा'],
    ['खा', 'खा'],
    // testExceptions
    ['कठिनाइयां', 'कठिन'],
    ['कठिन', 'कठिन'],
    ['', ''],
  ])('%s -> %s', (input, output) => expect(hindiStem(input)).toBe(output));

  it('stems दौरा and दौरे (the seed article) to one stem after normalisation', () => {
    const stem = (w: string) => hindiStem(hindiNormalize(w));
    expect(stem('दौरा')).toBe(stem('दौरे'));
    expect(stem('दौरा')).toBe('दोर');
  });
});

describe("Savoy's Hindi stopwords (via stopwords-iso)", () => {
  it('has the 225 forms of the list Lucene ships', () => expect(HINDI_STOPWORDS.size).toBe(225));
  it.each(['का', 'की', 'के', 'और', 'में', 'है', 'ने', 'को', 'से'])('%s is a stopword', (w) =>
    expect(isHindiStopword(w)).toBe(true),
  );
  it.each(['पुतिन', 'दौरा', 'कोरिया', 'रूस'])('%s is not', (w) => expect(isHindiStopword(w)).toBe(false));
});

/**
 * English stopwords: the 33 words of Lucene's EnglishAnalyzer default stop set
 * (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET). A short list on purpose: longer lists drop words a
 * news reader may search for ("new", "first", "us").
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be but by for if in into is it no not of on or such that the their ' +
    'then there these they this to was will with').split(' '),
);

export const isEnglishStopword = (term: string): boolean => ENGLISH_STOPWORDS.has(term);

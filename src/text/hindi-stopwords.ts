import { hi } from 'stopwords-iso/stopwords-iso.json';

/**
 * Jacques Savoy's Hindi stopword list (University of Neuchâtel, the list Lucene's HindiAnalyzer
 * ships as hi/stopwords.txt): 225 forms, written both as typed and as HindiNormalizer leaves
 * them, so it matches before or after normalisation. Taken from the `stopwords-iso` package,
 * whose `hi` list is the same 225 forms; a named import lets the bundler drop the other languages.
 */
export const HINDI_STOPWORDS: ReadonlySet<string> = new Set(hi);

export const isHindiStopword = (term: string): boolean => HINDI_STOPWORDS.has(term);

/**
 * Hindi spelling normalisation, after the rules of Lucene's HindiNormalizer
 * (apache/lucene, analysis/common/.../hi/HindiNormalizer.java), which implements
 * Pingali & Varma, "Word normalization in Indian languages", with two additions from
 * Larkey, Connell & AbdulJaleel, "Hindi CLIR in Thirty Days": ZWJ/ZWNJ are removed, and
 * न + virama becomes anusvara like chandrabindu does.
 *
 * The rules fold spellings that Hindi writers use interchangeably: nukta or not (क़/क),
 * chandrabindu or anusvara (अँ/अं), half-n or anusvara (अन्ग/अंग), long or short vowel
 * (ई/इ, ी/ि), and virama (dropped, so conjuncts compare with their loose spelling).
 */

const MAP: Record<string, string> = {
  '\u0901': '\u0902', // chandrabindu -> anusvara
  '\u0929': '\u0928', // nukta letters -> plain letters
  '\u0931': '\u0930',
  '\u0934': '\u0933',
  '\u0958': '\u0915',
  '\u0959': '\u0916',
  '\u095A': '\u0917',
  '\u095B': '\u091C',
  '\u095C': '\u0921',
  '\u095D': '\u0922',
  '\u095E': '\u092B',
  '\u095F': '\u092F',
  '\u0945': '\u0947', // candra and short vowel signs -> the common ones
  '\u0946': '\u0947',
  '\u0949': '\u094B',
  '\u094A': '\u094B',
  '\u090D': '\u090F',
  '\u090E': '\u090F',
  '\u0911': '\u0913',
  '\u0912': '\u0913',
  '\u0972': '\u0905',
  '\u0906': '\u0905', // long independent vowels -> short
  '\u0908': '\u0907',
  '\u090A': '\u0909',
  '\u0960': '\u090B',
  '\u0961': '\u090C',
  '\u0910': '\u090F',
  '\u0914': '\u0913',
  '\u0940': '\u093F', // long dependent vowel signs -> short
  '\u0942': '\u0941',
  '\u0944': '\u0943',
  '\u0963': '\u0962',
  '\u0948': '\u0947',
  '\u094C': '\u094B',
};

/** Dropped: nukta, virama, zero-width joiner and non-joiner. */
const DROP = new Set(['\u093C', '\u094D', '\u200D', '\u200C']);

export function hindiNormalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // Dead n (न + virama) -> anusvara, before the virama rule would drop the virama alone.
    if (c === '\u0928' && text[i + 1] === '\u094D') {
      out += '\u0902';
      i += 1;
    } else if (!DROP.has(c)) out += MAP[c] ?? c;
  }
  return out;
}

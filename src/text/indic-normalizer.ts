/**
 * Unicode normalisation of Devanagari beyond NFC, after the rules of Lucene's IndicNormalizer
 * (apache/lucene, analysis/common/.../in/IndicNormalizer.java), which follows Unicode 5.2
 * chapter 6 (South Asian Scripts I) and the LDC's table of graphical decompositions.
 *
 * Some vowels can be typed as two or three code points that render alike (अ + ा for आ,
 * अ + ा + ै for औ); NFC leaves them apart, so they are composed here. Only the Devanagari rows
 * are kept: this project indexes Hindi (and English); other Indic scripts pass through.
 */

/** [sequence, composed]; three-code-point sequences are listed before their two-point prefixes. */
const COMPOSE: Array<[string, string]> = [
  ['\u0905\u093E\u0945', '\u0911'], // अ ा ॅ -> candra O
  ['\u0905\u093E\u0946', '\u0912'], // short O
  ['\u0905\u093E\u0947', '\u0913'], // O
  ['\u0905\u093E\u0948', '\u0914'], // AU
  ['\u0905\u093E', '\u0906'], // AA
  ['\u0905\u0945', '\u0972'], // candra A
  ['\u0905\u0946', '\u0904'], // short A
  ['\u0905\u0949', '\u0911'],
  ['\u0905\u094A', '\u0912'],
  ['\u0905\u094B', '\u0913'],
  ['\u0905\u094C', '\u0914'],
  ['\u0906\u0945', '\u0911'],
  ['\u0906\u0946', '\u0912'],
  ['\u0906\u0947', '\u0913'],
  ['\u0906\u0948', '\u0914'],
  ['\u0909\u0941', '\u090A'], // U + u sign -> UU
  ['\u090F\u0945', '\u090D'], // candra E
  ['\u090F\u0946', '\u090E'], // short E
  ['\u090F\u0947', '\u0910'], // AI
  ['\u0915\u093C', '\u0958'], // consonant + nukta -> precomposed nukta letter
  ['\u0916\u093C', '\u0959'],
  ['\u0917\u093C', '\u095A'],
  ['\u091C\u093C', '\u095B'],
  ['\u0921\u093C', '\u095C'],
  ['\u0922\u093C', '\u095D'],
  ['\u0928\u093C', '\u0929'],
  ['\u092B\u093C', '\u095E'],
  ['\u092F\u093C', '\u095F'],
  ['\u0930\u093C', '\u0931'],
  ['\u0933\u093C', '\u0934'],
  ['\u093E\u0945', '\u0949'], // vowel sign AA + candra E -> vowel sign candra O
  ['\u093E\u0946', '\u094A'],
  ['\u093E\u0947', '\u094B'],
  ['\u093E\u0948', '\u094C'],
];

const FIRST = new Set(COMPOSE.map(([seq]) => seq[0]!));

export function indicNormalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (FIRST.has(c)) {
      const rule = COMPOSE.find(([seq]) => text.startsWith(seq, i));
      if (rule) {
        out += rule[1];
        i += rule[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

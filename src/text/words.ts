/**
 * Word segmentation by Unicode's default word boundaries (UAX #29) through Intl.Segmenter,
 * which keeps a Devanagari word whole with its vowel signs, virama and nukta, and treats the
 * danda (।) as punctuation. Offsets are UTF-16 code units into the text as given.
 */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

export function words(text: string, locale = 'hi'): Word[] {
  const out: Word[] = [];
  for (const s of segmenter(locale).segment(text)) {
    if (s.isWordLike) out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

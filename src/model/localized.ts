import type { LocalizedText } from './documents';

/**
 * Picks the text for the requested languages, best first, by BCP 47 "Lookup" (RFC 4647
 * section 3.4): `hi-IN` tries hi-IN, then hi. A tag that names a script (RFC 5646 section
 * 2.2.3) wants that script: `hi-Latn` (Hindi in Latin letters) takes hi-Latn, or else a text
 * in Latin letters (the default language's, English, any), never the Devanagari of `hi`.
 * When no requested language has a text: the entity's default language, then English, then
 * whatever there is.
 */
export function pickLocalized(
  texts: readonly LocalizedText[],
  requested: string | readonly string[] | null | undefined,
  defaultLanguage: string,
): LocalizedText | undefined {
  const byTag = new Map(texts.map((t) => [t.language.toLowerCase(), t]));
  const fallbacks = [byTag.get(defaultLanguage.toLowerCase()), byTag.get('en'), ...texts];
  for (const tag of typeof requested === 'string' ? [requested] : (requested ?? [])) {
    const subtags = tag.toLowerCase().split('-');
    const script = SCRIPTS[subtags.find((s, i) => i > 0 && s.length === 4) ?? ''];
    for (let n = subtags.length; n > 0; n--) {
      const found = byTag.get(subtags.slice(0, n).join('-'));
      if (found && (!script || inScript(found.value, script))) return found;
    }
    const inIt = script && fallbacks.find((t) => t && inScript(t.value, script));
    if (inIt) return inIt;
  }
  return fallbacks.find((t) => t !== undefined);
}

/** ISO 15924 codes (as BCP 47 writes them) to Unicode script property names. */
const SCRIPTS: Record<string, RegExp> = {
  latn: /\p{Script=Latin}/u,
  deva: /\p{Script=Devanagari}/u,
  cyrl: /\p{Script=Cyrillic}/u,
  arab: /\p{Script=Arabic}/u,
  hans: /\p{Script=Han}/u,
  hant: /\p{Script=Han}/u,
  hang: /\p{Script=Hangul}/u,
  kore: /\p{Script=Hangul}|\p{Script=Han}/u,
  jpan: /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u,
};

/** Whether every letter of `text` is of `script` (marks, digits and punctuation are any script's). */
function inScript(text: string, script: RegExp): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.every((l) => script.test(l));
}

import type { LocalizedText } from './documents';

/**
 * Picks the text for a requested language by BCP 47 "Lookup" (RFC 4647 section 3.4):
 * `hi-Latn-IN` tries hi-Latn-IN, hi-Latn, hi; then the entity's default language, then
 * English, then whatever there is.
 */
export function pickLocalized(
  texts: readonly LocalizedText[],
  requested: string | null | undefined,
  defaultLanguage: string,
): LocalizedText | undefined {
  const byTag = new Map(texts.map((t) => [t.language.toLowerCase(), t]));
  if (requested) {
    const subtags = requested.toLowerCase().split('-');
    for (let n = subtags.length; n > 0; n--) {
      const found = byTag.get(subtags.slice(0, n).join('-'));
      if (found) return found;
    }
  }
  return byTag.get(defaultLanguage.toLowerCase()) ?? byTag.get('en') ?? texts[0];
}

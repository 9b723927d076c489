import { createRequire } from 'node:module';

/**
 * Country names as CLDR (the Unicode Common Locale Data Repository) gives them in
 * cldr-localenames-full's territories.json: the standard name and the `-alt-short` and
 * `-alt-variant` forms that news prints (US and アメリカ beside United States and アメリカ合衆国,
 * 香港 beside 中国香港特别行政区, अमेरिका beside संयुक्त राज्य). Region codes (001, 419) and
 * the Chagos alternative are not countries' names and are skipped.
 */

const require = createRequire(import.meta.url);

/** CLDR locales read, with the language tag their names get in the KB. */
export const CLDR_LOCALES: Record<string, string> = { en: 'en', hi: 'hi', ko: 'ko', ja: 'ja', zh: 'zh', 'zh-Hant': 'zh-Hant' };

interface TerritoriesJson {
  main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }>;
}

/** A CLDR label as running text prints it: fullwidth brackets as ASCII ones, spaces trimmed. */
const plain = (label: string) => label.replace(/（/g, ' (').replace(/）/g, ')').replace(/\s+/g, ' ').trim();

/**
 * Names by ISO 3166-1 alpha-2 code for one CLDR locale. A standard label that CLDR also gives as
 * a variant and that carries a dash or brackets ("Congo - Kinshasa", 刚果（金）) is CLDR's
 * disambiguating label, not a printed name: only the variant is kept for that code.
 */
export function cldrNames(locale: string): Map<string, string[]> {
  const json = require(`cldr-localenames-full/main/${locale}/territories.json`) as TerritoriesJson;
  const territories = json.main[locale]!.localeDisplayNames.territories;
  const out = new Map<string, string[]>();
  for (const [key, label] of Object.entries(territories)) {
    const [code, alt, kind] = key.split('-');
    if (!/^[A-Z]{2}$/.test(code!) || (alt && alt !== 'alt') || (kind && kind !== 'short' && kind !== 'variant')) continue;
    if (!alt && `${code}-alt-variant` in territories && /[-–()（]/.test(label)) continue;
    out.set(code!, [...(out.get(code!) ?? []), plain(label)]);
  }
  return out;
}

import { createRequire } from 'node:module';

/**
 * English demonyms and adjectives of countries (South Korean, Indian, American), which news
 * uses for the country ("South Korean President Yoon", "Indian goods"), from i18n-nationality's
 * English list (alpha-2 code -> adjective). Its list has slips that no story prints; the
 * corrections below replace them (the adjective forms of the CIA World Factbook's
 * "Nationality" field).
 */

const require = createRequire(import.meta.url);

const CORRECTED: Record<string, string> = {
  AG: 'Antiguan', AR: 'Argentine', BM: 'Bermudian', MV: 'Maldivian', PH: 'Filipino', US: 'American',
  GB: 'British', NL: 'Dutch', BA: 'Bosnian', TW: 'Taiwanese',
};

export function englishDemonyms(): Map<string, string> {
  const { nationalities } = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> };
  const out = new Map<string, string>();
  for (const [code, adjective] of Object.entries(nationalities)) {
    const value = CORRECTED[code] ?? adjective;
    // Glossed, inverted or double entries ("French (French Guiana)", "Trinidadian or Tobagonian")
    // are labels for a form, not words a story prints.
    if (/[,(]| or | - /.test(value)) continue;
    out.set(code, value);
  }
  return out;
}

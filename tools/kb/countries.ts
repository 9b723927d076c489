import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import hi from 'i18n-iso-countries/langs/hi.json' with { type: 'json' };
import ko from 'i18n-iso-countries/langs/ko.json' with { type: 'json' };
import sv from 'i18n-iso-countries/langs/sv.json' with { type: 'json' };
import { aliasKeyOf } from '../linking/knowledge-base';
import { words } from '../../src/text/words';
import { slugify, type EntityRecord } from './entity-file';
import { CLDR_LOCALES, cldrNames } from './cldr-territories';
import { englishDemonyms } from './demonyms';
import { NEWS_NAMES } from './news-names';

/**
 * A gazetteer of every country (ISO 3166-1, 249 codes and XK) with its English, Hindi, Korean and
 * Swedish names, from i18n-iso-countries (maintained, CLDR-derived names, one JSON per language).
 * English and Hindi because the API serves both; Korean and Swedish because sample sources (KBS,
 * the TT news agency's ninjs) write them.
 *
 * The package writes some names for sorting or with a gloss, which no story prints: "Korea,
 * Republic of" (inverted: dropped when another name exists), "म्यामांर (बर्मा)" and "Holy See
 * (Vatican City State)" (a gloss in brackets: both parts kept as names), "Netherlands (Kingdom
 * of the)" (a gloss that is no name: dropped).
 */

for (const locale of [en, hi, ko, sv]) countries.registerLocale(locale);
const LANGUAGES = ['en', 'hi', 'ko', 'sv'] as const;
/** Every language a gazetteer country may have names in: the package's, CLDR's (ja, zh, zh-Hant). */
const ALL_LANGUAGES = [...new Set([...LANGUAGES, ...Object.values(CLDR_LOCALES)])];

/** Names as printed in running text, from one of the package's entries. */
export function printedNames(raw: string): string[] {
  const gloss = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(raw);
  if (!gloss) return [raw];
  const [, before, inside, after] = gloss;
  const outer = `${before} ${after}`.trim();
  // A gloss with lower-case words ("French part", "Kingdom of the") is a description.
  const insideIsName = !/(^|\s)\p{Ll}/u.test(inside!);
  return [outer, ...(insideIsName && !after ? [inside!] : [])].filter((n) => n.length > 0);
}

function namesOf(code: string, language: string): string[] {
  const all = countries.getName(code, language, { select: 'all' }) ?? [];
  const printed = [...new Set(all.flatMap(printedNames))];
  const plain = printed.filter((n) => !n.includes(','));
  return plain.length > 0 ? plain : printed;
}

export interface GazetteerCountry {
  code: string;
  names: Record<string, string[]>;
}

/**
 * The countries with their names. A name the package gives two countries in a language other
 * than English is a slip in its data (7.14 writes फ्रैंच गुआना, French Guiana, for French
 * Polynesia too): it is left out for both and listed in `dropped`. English names that two
 * countries really share (Congo) are kept; the linker tells them apart by context or not at all.
 */
export function gazetteer(): { countries: GazetteerCountry[]; dropped: string[] } {
  const cldr = Object.entries(CLDR_LOCALES).map(([locale, language]) => ({ language, names: cldrNames(locale) }));
  const demonyms = englishDemonyms();
  const all = Object.keys(countries.getAlpha2Codes()).map((code) => {
    const names: Record<string, string[]> = Object.fromEntries(ALL_LANGUAGES.map((l) => [l, LANGUAGES.includes(l as 'en') ? namesOf(code, l) : []]));
    const add = (language: string, value: string) => {
      // One Han character (金 in 刚果（金）) is a word, not a country's name.
      if (!names[language]!.some((n) => keyOf(n) === keyOf(value)) && !/^\p{Script=Han}$/u.test(value)) names[language]!.push(value);
    };
    for (const c of cldr) for (const n of c.names.get(code) ?? []) add(c.language, printedNames(n)[0]!);
    if (demonyms.has(code)) add('en', demonyms.get(code)!);
    for (const n of NEWS_NAMES[code] ?? []) add(n.language, n.value);
    return { code, names };
  });
  const dropped: string[] = [];
  for (const language of ALL_LANGUAGES) {
    const owners = new Map<string, string[]>();
    for (const c of all) for (const n of c.names[language]!) owners.set(keyOf(n), [...new Set([...(owners.get(keyOf(n)) ?? []), c.code])]);
    for (const [key, codes] of owners) {
      // English names two countries really share (Congo) stay: the linker decides by context.
      if (codes.length < 2 || (language === 'en' && sharedInPackage(codes, key))) continue;
      const shared = (c: GazetteerCountry) => c.names[language]!.filter((n) => keyOf(n) === key);
      dropped.push(`${language} ${all.filter((c) => codes.includes(c.code)).map((c) => `${c.code} "${shared(c).join('", "')}"`).join(', ')}`);
      for (const c of all) if (codes.includes(c.code)) c.names[language] = c.names[language]!.filter((n) => keyOf(n) !== key);
    }
  }
  return { countries: all, dropped };
}

const keyOf = (name: string) => aliasKeyOf(words(name).map((w) => w.text));

/** An English name i18n-iso-countries itself gives every one of these countries. */
const sharedInPackage = (codes: string[], key: string) => codes.every((c) => namesOf(c, 'en').some((n) => keyOf(n) === key));

/**
 * The places file with every country in it: a country already there (found by any of its names)
 * gains the names it lacks as aliases; a new one is added with its common English name as slug.
 * Curated fields (descriptions, Wikidata ids, coordinates) are never overwritten.
 */
export function mergeCountries(places: EntityRecord[]): { places: EntityRecord[]; added: number; extended: number; dropped: string[] } {
  const out = places.map((p) => ({ ...p }));
  const byKey = new Map<string, EntityRecord>();
  const keysOf = (p: EntityRecord) => [
    ...Object.values(p.names as Record<string, string>),
    ...((p.aliases as Array<{ value: string }>) ?? []).map((a) => a.value),
  ].map(keyOf);
  for (const p of out) if (p.kind === 'COUNTRY') for (const k of keysOf(p)) byKey.set(k, p);
  let added = 0;
  let extended = 0;
  const { countries: gazetteerCountries, dropped } = gazetteer();
  for (const country of gazetteerCountries) {
    const all = ALL_LANGUAGES.flatMap((l) => country.names[l]!.map((value) => ({ language: l, value })));
    const existing = all.map((n) => byKey.get(keyOf(n.value))).find((p) => p);
    if (existing) {
      // A language the entity has no name in gets the first one there, so `name(language:)`
      // answers in it; the names it still lacks become aliases.
      const names = { ...(existing.names as Record<string, string>) };
      for (const l of ALL_LANGUAGES) if (!(l in names) && country.names[l]!.length > 0) names[l] = country.names[l]![0]!;
      const have = new Set(keysOf({ ...existing, names }));
      const missing = all.filter((n) => !have.has(keyOf(n.value)) && have.add(keyOf(n.value)));
      if (missing.length > 0 || Object.keys(names).length > Object.keys(existing.names as object).length) {
        existing.names = names;
        existing.aliases = [...((existing.aliases as unknown[]) ?? []), ...missing];
        extended += 1;
      }
      continue;
    }
    // Two countries with one common name (Congo) go by their official names.
    const taken = new Set(out.map((p) => p.slug));
    let common = countries.getName(country.code, 'en', { select: 'alias' })!;
    if (taken.has(slugify(printedNames(common)[0]!))) common = countries.getName(country.code, 'en', { select: 'official' })!;
    const name = (n: string[]) => n.find((v) => !v.includes(',')) ?? n[0]!;
    const names = Object.fromEntries(
      ALL_LANGUAGES.filter((l) => country.names[l]!.length > 0).map((l) => [l, l === 'en' && !common.includes(',') ? printedNames(common)[0]! : name(country.names[l]!)]),
    );
    const primary = new Set(Object.entries(names).map(([l, v]) => `${l}:${keyOf(v)}`));
    const seen = new Set<string>();
    const entity: EntityRecord = {
      slug: slugify(names.en!),
      kind: 'COUNTRY',
      defaultLanguage: 'en',
      names,
      aliases: all.filter((n) => {
        const k = `${n.language}:${keyOf(n.value)}`;
        if (primary.has(k) || seen.has(k)) return false;
        seen.add(k);
        return true;
      }),
      description: { en: `Country (ISO 3166-1 ${country.code}).`, hi: `देश (ISO 3166-1 ${country.code})।` },
    };
    // Not indexed: countries that share a name (Congo) stay two entities.
    out.push(entity);
    added += 1;
  }
  return { places: out, added, extended, dropped };
}

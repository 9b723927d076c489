/**
 * A knowledge base of any size for the KB-scale bench (bench/kb-scale.ts): the project's own
 * entities plus N generated ones, deterministic, named in Latin and Devanagari. Entity i's name
 * is four syllables picked by its base-32 digits (Kari Santo / कारि सनटो), so a million
 * names are distinct and spread over type-ahead prefixes as real names are, not all under one
 * ("Generated Entity 1, 2, ..." would put every name in one bucket). Six in ten are people
 * (with their family name as an alias, shared by about a thousand others, as surnames are),
 * three places (cities), one an organisation; events need dates and are left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawSourceFile } from '../tools/data/decode-source';
import { listSourceFiles } from '../tools/data/source-files';
import { fold } from '../src/text/analyze';
import { nameKey } from '../src/text/name-key';

const SYLLABLES: Array<[string, string]> = [
  ['ka', 'का'], ['ri', 'रि'], ['san', 'सन'], ['to', 'टो'], ['mi', 'मि'], ['ra', 'रा'], ['de', 'दे'], ['lo', 'लो'],
  ['vi', 'वि'], ['na', 'ना'], ['pa', 'पा'], ['su', 'सु'], ['ge', 'गे'], ['ho', 'हो'], ['li', 'लि'], ['mo', 'मो'],
  ['ta', 'ता'], ['be', 'बे'], ['ni', 'नि'], ['ku', 'कु'], ['ja', 'जा'], ['ro', 'रो'], ['si', 'सि'], ['ve', 'वे'],
  ['du', 'दु'], ['ma', 'मा'], ['le', 'ले'], ['ba', 'बा'], ['zo', 'ज़ो'], ['fi', 'फि'], ['chu', 'चु'], ['ye', 'ये'],
];

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Entity i's given and family name in Latin and Devanagari. */
export function generatedName(i: number): { en: [string, string]; hi: [string, string] } {
  const d = [0, 1, 2, 3].map((k) => SYLLABLES[Math.floor(i / 32 ** k) % 32]!);
  return { en: [capital(d[0]![0] + d[1]![0]), capital(d[2]![0] + d[3]![0])], hi: [d[0]![1] + d[1]![1], d[2]![1] + d[3]![1]] };
}

/** A generated entity's number, from its slug (kbgen12-...), or undefined for the project's own. */
export const generatedNumber = (slug: string): number | undefined => {
  const m = /^kbgen(\d+)-/.exec(slug);
  return m ? Number(m[1]) : undefined;
};

/**
 * Whether type-ahead for `prefix` may answer entity i: a word of its names starts with the
 * prefix, folded, or with the prefix's cross-script key (किम finds Kumo, Kami: both "km"), as
 * the suggest index matches (src/search/suggest-match.ts).
 */
export const namedWithPrefix = (i: number, prefix: string): boolean => {
  const { en, hi } = generatedName(i);
  const key = nameKey(prefix);
  return [...en, ...hi, `${en[0]}${en[1]}`, `${hi[0]}${hi[1]}`].some((w) => fold(w).startsWith(fold(prefix)) || (!!key && nameKey(w).startsWith(key)));
};

export type GeneratedKind = 'people' | 'places' | 'organizations';

export function kindOf(i: number): GeneratedKind {
  return i % 10 < 6 ? 'people' : i % 10 < 9 ? 'places' : 'organizations';
}

export function generatedEntity(i: number): Record<string, unknown> {
  const { en, hi } = generatedName(i);
  const kind = kindOf(i);
  const base = { slug: `kbgen${i}-${en.join('-').toLowerCase()}`, defaultLanguage: 'en' };
  if (kind === 'people') {
    return {
      ...base, names: { en: en.join(' '), hi: hi.join(' ') }, aliases: [{ language: 'en', value: en[1] }],
      description: { en: `Generated person number ${i}.` },
    };
  }
  if (kind === 'places') return { ...base, kind: 'CITY', names: { en: `${en[0]}${en[1].toLowerCase()}`, hi: `${hi[0]}${hi[1]}` }, aliases: [] };
  return { ...base, names: { en: `${en.join(' ')} Institute`, hi: `${hi.join(' ')} संस्थान` }, aliases: [] };
}

const FILES: Record<GeneratedKind | 'events', string> = { people: 'people.json', places: 'places.json', organizations: 'organizations.json', events: 'events.json' };

/** The entity files of `data/` with N generated entities appended, as the build reads files. */
export function entityFilesWith(n: number, dataDir = 'data'): Array<{ path: string; read: () => RawSourceFile }> {
  return (Object.keys(FILES) as Array<keyof typeof FILES>).map((kind) => {
    const path = `entities/${FILES[kind]}`;
    return {
      path,
      read: () => {
        const own = JSON.parse(readFileSync(join(dataDir, path), 'utf8')) as unknown[];
        const added: unknown[] = [];
        for (let i = 0; i < n; i++) if (kindOf(i) === kind) added.push(generatedEntity(i));
        return { path, bytes: Buffer.from(JSON.stringify([...own, ...added])) };
      },
    };
  });
}

/** Every source file of `data/`, its entity files carrying N generated entities more. */
export function sourcesWithEntities(n: number, dataDir = 'data'): Array<{ path: string; read: () => RawSourceFile }> {
  return [...listSourceFiles(dataDir).filter((f) => !f.path.startsWith('entities/')), ...entityFilesWith(n, dataDir)];
}

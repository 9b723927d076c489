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
import { generatedEntity, kindOf, type GeneratedKind } from '../tools/fixtures/kb-generated';

export { generatedEntity, generatedName, generatedNumber, kindOf, namedWithPrefix, type GeneratedKind } from '../tools/fixtures/kb-generated';

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

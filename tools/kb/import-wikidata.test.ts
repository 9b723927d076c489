import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importWikidata } from './import-wikidata';

const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'wikidata', name);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function dataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-import-'));
  dirs.push(dir);
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}
const read = (data: string, file: string) => JSON.parse(readFileSync(join(data, 'entities', file), 'utf8')) as Array<Record<string, unknown>>;
const options = { languages: ['en', 'hi'], today: '2026-11-28' };

describe('kb:import (real Wikidata JSON)', () => {
  it('adds a city with its kind, coordinates and Hindi label, and a person with the date of birth', () => {
    const data = dataCopy();
    const result = importWikidata(data, [fixture('Q2112.json'), fixture('Q328212.json')], options);
    expect(result.errors).toEqual([]);
    expect(result.added).toEqual(['bielefeld (Q2112)', 'veronica-roth (Q328212)']);
    // Germany (P17 Q183) has no Wikidata id in the KB: reported, not guessed.
    expect(result.notes).toEqual(['Q2112 P17 Q183: not in the KB, left out (import it first to link it)']);
    const city = read(data, 'places.json').find((p) => p.wikidataId === 'Q2112')!;
    expect(city).toMatchObject({ slug: 'bielefeld', kind: 'CITY', names: { en: 'Bielefeld', hi: 'बीएलफेल्ड' } });
    expect(city.latitude).toBeCloseTo(52.0167, 3);
    expect(city.longitude).toBeCloseTo(8.5333, 3);
    expect(read(data, 'people.json').find((p) => p.wikidataId === 'Q328212')).toMatchObject({ slug: 'veronica-roth', birthDate: '1988-08-19' });
  });

  it('updates an item imported again in place, never duplicating it', () => {
    const data = dataCopy();
    importWikidata(data, [fixture('Q2112.json')], options);
    const before = read(data, 'places.json').length;
    const again = importWikidata(data, [fixture('Q2112.json')], { ...options, languages: ['en', 'hi', 'de'] });
    expect(again).toMatchObject({ added: [], updated: ['bielefeld (Q2112)'], errors: [] });
    const places = read(data, 'places.json');
    expect(places).toHaveLength(before);
    expect(places.find((p) => p.slug === 'bielefeld')!.names).toMatchObject({ de: 'Bielefeld' });
  });

  it('reads the Special:EntityData shape ({"entities": {...}}) and dump arrays', () => {
    const data = dataCopy();
    const item = JSON.parse(readFileSync(fixture('Q328212.json'), 'utf8')) as { id: string };
    const wrapped = join(data, 'wrapped.json');
    writeFileSync(wrapped, JSON.stringify({ entities: { [item.id]: item } }));
    expect(importWikidata(data, [wrapped], options).added).toEqual(['veronica-roth (Q328212)']);
    const dump = join(data, 'dump.json');
    writeFileSync(dump, JSON.stringify([item]));
    expect(importWikidata(data, [dump], options).updated).toEqual(['veronica-roth (Q328212)']);
  });

  it('rejects bad input with the file and the reason, and writes nothing', () => {
    const data = dataCopy();
    const before = readFileSync(join(data, 'entities', 'places.json'), 'utf8');
    const broken = join(data, 'broken.json');
    writeFileSync(broken, '{"entities": ');
    const notItem = join(data, 'property.json');
    writeFileSync(notItem, JSON.stringify({ type: 'property', id: 'P31' }));
    const untyped = join(data, 'untyped.json');
    writeFileSync(untyped, JSON.stringify({ type: 'item', id: 'Q571', labels: { en: { language: 'en', value: 'book' } }, claims: {} }));
    const result = importWikidata(data, [broken, notItem, untyped, fixture('Q2112.json')], options);
    expect(result.errors).toEqual([
      expect.stringMatching(/broken\.json: is not valid JSON/),
      expect.stringMatching(/property\.json: entry 0 is not a Wikidata item/),
      expect.stringMatching(/untyped\.json: Q571: cannot tell its type from P31 \(none\); pass --type/),
    ]);
    expect(readFileSync(join(data, 'entities', 'places.json'), 'utf8')).toBe(before);
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { importDump } from './import-dump';

/** kb:import --dump on a small dump in Wikidata's layout, built from real items (tests/fixtures/wikidata). */
const root = join(import.meta.dirname, '..', '..');
const item = (q: string) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'wikidata', `${q}.json`), 'utf8'));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function scratch(): { data: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-dump-'));
  dirs.push(dir);
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  return { data: join(dir, 'data'), dir };
}
/** "[", one entity a line each ending in a comma but the last, "]": how Wikidata writes its dumps. */
const dumpText = (items: unknown[]) => `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;
const people = (data: string) => JSON.parse(readFileSync(join(data, 'entities', 'people.json'), 'utf8')) as Array<{ slug: string; wikidataId?: string }>;
const options = { languages: ['en', 'hi'], today: '2026-11-28' };

describe('kb:import --dump', () => {
  it('streams a gzip dump through the P31 and sitelink filters, reporting bad lines by number', async () => {
    const { data, dir } = scratch();
    const property = { type: 'property', id: 'P31', datatype: 'wikibase-item' };
    const path = join(dir, 'dump.json.gz');
    writeFileSync(path, gzipSync(dumpText([property, item('Q2112'), item('Q328212')])));
    const r = await importDump(data, path, { ...options, filter: { classes: new Set(['Q5']) } });
    expect(r.errors).toEqual([]);
    expect([r.added, r.updated]).toEqual([1, 0]);
    expect(people(data).some((p) => p.wikidataId === 'Q328212')).toBe(true);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[\n{"type":"item","id":"Q1"\n{"type":"lexeme","id":"L1"},\n]\n');
    const b = await importDump(data, bad, { ...options, filter: {} });
    expect(b.errors.map((e) => e.replace(/ \(.*/, ''))).toEqual([`${bad}:2: is not valid JSON`, `${bad}:3: is not a Wikidata item`]);
    const none = await importDump(data, path, { ...options, filter: { sitelinks: new Set(['xxwiki']) } });
    expect([none.added, none.updated]).toEqual([0, 0]);
  });

  it('checkpoints and resumes where it stopped; an item seen again is updated, not added twice', async () => {
    const { data, dir } = scratch();
    const path = join(dir, 'dump.json');
    writeFileSync(path, dumpText([item('Q2112'), item('Q328212')]));
    // A checkpoint after every entity: the last one is line 3, the dump's last entity.
    const first = await importDump(data, path, { ...options, filter: { ids: new Set(['Q2112']) }, every: 1 });
    expect(JSON.parse(readFileSync(join(data, '.kb-import.json'), 'utf8'))).toEqual({ source: 'dump.json', line: 3, added: 1, updated: 0 });
    expect(first.added).toBe(1);
    // Resumed, it reads nothing before line 3 again (and the closing "]" is no entity).
    const resumed = await importDump(data, path, { ...options, filter: {}, resume: true });
    expect([resumed.resumedFrom, resumed.read, resumed.added]).toEqual([3, 0, 1]);
    const again = await importDump(data, path, { ...options, filter: {} });
    expect([again.added, again.updated]).toEqual([1, 1]);
    expect(people(data).filter((p) => p.wikidataId === 'Q328212')).toHaveLength(1);
  });
});

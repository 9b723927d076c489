import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../../tools/ingest/ingest';
import type { Linker } from '../../../tools/ingest/link-hook';
import { articleFiles, buildDir, cleanUp, freshDataDir, NOW, readArticle, root } from './helpers';

/**
 * Idempotent, safe writes: identity, versions, removal, embargo, per-item
 * errors, dry runs, the linking hook, and a crash in the middle of a run.
 */
afterEach(cleanUp);

const story = (over: Record<string, unknown> = {}) => ({
  uri: 'urn:test:story-1',
  type: 'text',
  language: 'en',
  versionCreated: '2024-06-12T10:30:00+05:30',
  headlines: [{ role: 'main', value: 'Monsoon reaches Kerala early' }],
  bodies: [{ role: 'main', contentType: 'text/html', value: '<p>The monsoon reached Kerala on Monday.</p><p>Rain is forecast &amp; welcome.</p>' }],
  ...over,
});

function inputFile(dir: string, name: string, value: unknown): string {
  mkdirSync(join(dir, '..', 'in'), { recursive: true });
  const path = join(dir, '..', 'in', name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('ingest writes', () => {
  it('creates once, then leaves an unchanged story alone byte for byte', async () => {
    const dir = freshDataDir();
    const file = inputFile(dir, 'a.json', story());
    const first = await ingest([file], { dataDir: dir, now: NOW });
    expect(first.changes).toEqual([expect.objectContaining({ action: 'created', slug: 'monsoon-reaches-kerala-early', version: 1 })]);
    const before = articleFiles(dir);
    const again = await ingest([file], { dataDir: dir, now: new Date('2026-12-01T00:00:00Z') });
    expect(again.changes).toEqual([expect.objectContaining({ action: 'unchanged', slug: 'monsoon-reaches-kerala-early' })]);
    expect(articleFiles(dir)).toEqual(before);
    expect(readArticle(dir, 'monsoon-reaches-kerala-early').paragraphs).toEqual([
      'The monsoon reached Kerala on Monday.', 'Rain is forecast & welcome.',
    ]);
  });

  it('updates a changed story in place: same slug, next version, new dateModified, no duplicate', async () => {
    const dir = freshDataDir();
    await ingest([inputFile(dir, 'a.json', story())], { dataDir: dir, now: NOW });
    const changed = story({ headlines: [{ role: 'main', value: 'Monsoon reaches Kerala a week early' }], versionCreated: '2024-06-12T12:00:00+05:30' });
    const r = await ingest([inputFile(dir, 'b.json', changed)], { dataDir: dir, now: NOW });
    expect(r.changes).toEqual([expect.objectContaining({ action: 'updated', slug: 'monsoon-reaches-kerala-early', version: 2 })]);
    expect([...articleFiles(dir).keys()]).toEqual(['monsoon-reaches-kerala-early.json']);
    expect(readArticle(dir, 'monsoon-reaches-kerala-early')).toMatchObject({
      headline: 'Monsoon reaches Kerala a week early', version: 2, dateModified: '2024-06-12T12:00:00+05:30',
    });
  });

  it('removes a story whose pubStatus becomes withheld or canceled', async () => {
    const dir = freshDataDir();
    await ingest([inputFile(dir, 'a.json', story())], { dataDir: dir, now: NOW });
    const r = await ingest([inputFile(dir, 'b.json', story({ pubStatus: 'canceled' }))], { dataDir: dir, now: NOW });
    expect(r.changes).toEqual([expect.objectContaining({ action: 'removed', slug: 'monsoon-reaches-kerala-early', note: 'pubStatus canceled' })]);
    expect(articleFiles(dir).size).toBe(0);
    const unknown = await ingest([inputFile(dir, 'c.json', story({ uri: 'urn:test:never-seen', pubStatus: 'withheld' }))], { dataDir: dir, now: NOW });
    expect(unknown.changes).toEqual([expect.objectContaining({ action: 'withheld' })]);
    expect(unknown.problems).toEqual([]);
  });

  it('keeps an embargoed story out of every build before its time', async () => {
    const dir = freshDataDir();
    const r = await ingest([inputFile(dir, 'a.json', story({ embargoedUntil: '2026-11-28T12:00:00+05:30' }))], { dataDir: dir, now: NOW });
    expect(r.changes[0]).toMatchObject({ action: 'created', note: 'embargoed until 2026-11-28T12:00:00+05:30' });
    const before = await buildDir(dir);
    if (!before.ok) throw new Error('build failed');
    expect(before.data.summary.articles).toBe(0);
  });

  it('reports each bad item with its place, writes the good ones, and writes nothing for the bad', async () => {
    const dir = freshDataDir();
    const items = [
      story({ uri: 'urn:test:good' }),
      story({ uri: 'urn:test:bad-date', versionCreated: 'next Tuesday', headlines: [{ role: 'main', value: 'Bad date' }] }),
      story({ uri: 'urn:test:no-body', bodies: [], headlines: [{ role: 'main', value: 'No body' }] }),
      { hello: 'world' },
    ];
    const r = await ingest([inputFile(dir, 'batch.json', items), inputFile(dir, 'broken.json', '{"uri": "x", ')], { dataDir: dir, now: NOW });
    const lines = r.problems.map((p) => `${p.source.split('/').pop()}: ${p.where}: ${p.message}`);
    expect(lines).toEqual([
      'batch.json: /1/versionCreated: String does not match format "date-time". (ninjs 3.1 schema)',
      'batch.json: /2: has no body: no paragraph of text was found',
      'batch.json: /3: is JSON in no format ingest reads: neither a ninjs item nor schema.org JSON-LD',
      expect.stringMatching(/^broken\.json: \/: is not valid JSON: /),
    ]);
    expect([...articleFiles(dir).keys()]).toEqual(['monsoon-reaches-kerala-early.json']);
  });

  it('plans the same changes on a dry run and writes nothing', async () => {
    const dir = freshDataDir();
    const r = await ingest([inputFile(dir, 'a.json', story())], { dataDir: dir, now: NOW, dryRun: true });
    expect(r.changes).toEqual([expect.objectContaining({ action: 'created', slug: 'monsoon-reaches-kerala-early' })]);
    expect(articleFiles(dir).size).toBe(0);
  });

  it('gives two different stories with one headline two stable slugs', async () => {
    const dir = freshDataDir();
    await ingest([inputFile(dir, 'a.json', [story({ uri: 'urn:a' }), story({ uri: 'urn:b' })])], { dataDir: dir, now: NOW });
    const names = [...articleFiles(dir).keys()];
    expect(names).toHaveLength(2);
    expect(names).toContain('monsoon-reaches-kerala-early.json');
    const again = await ingest([inputFile(dir, 'b.json', [story({ uri: 'urn:b' })])], { dataDir: dir, now: NOW });
    expect(`${again.changes[0]!.slug}.json`).toBe(names.find((n) => n !== 'monsoon-reaches-kerala-early.json'));
  });

  it('links through the one hook: the source links by Wikidata id by default, any linker in its place', async () => {
    const dir = freshDataDir();
    const withLinks = story({ people: [{ name: 'Vladimir Putin', rel: 'about', uri: 'http://www.wikidata.org/entity/Q7747' }, { name: 'Nobody', uri: 'http://www.wikidata.org/entity/Q1' }] });
    await ingest([inputFile(dir, 'a.json', withLinks)], { dataDir: dir, now: NOW });
    expect(readArticle(dir, 'monsoon-reaches-kerala-early').about).toEqual(['vladimir-putin']);

    const linker = vi.fn<Linker>(() => ({ entities: ['putin-kim-summit-2019', 'moscow'], authors: [] }));
    const dir2 = freshDataDir();
    await ingest([inputFile(dir2, 'a.json', story())], { dataDir: dir2, now: NOW, linker });
    expect(linker).toHaveBeenCalledWith(expect.objectContaining({
      language: 'en', headline: 'Monsoon reaches Kerala early', paragraphs: ['The monsoon reached Kerala on Monday.', 'Rain is forecast & welcome.'],
    }), expect.anything());
    expect(readArticle(dir2, 'monsoon-reaches-kerala-early')).toMatchObject({ events: ['putin-kim-summit-2019'], about: ['moscow'] });
    const built = await buildDir(dir2);
    expect(built.ok).toBe(true);
  });
});

describe('scripts/ingest.ts', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const cli = (args: string[]) => spawnSync(tsx, [join(root, 'scripts/ingest.ts'), ...args], { encoding: 'utf8', cwd: root });

  it('exits 0 when every item went in, 1 when any failed, and a dry run writes nothing', () => {
    const dir = freshDataDir();
    const good = inputFile(dir, 'good.json', story());
    const bad = inputFile(dir, 'bad.json', story({ uri: 'urn:x', headlines: [] }));
    const dry = cli(['--data', dir, '--dry-run', good]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/would be created .*monsoon-reaches-kerala-early\.json \(version 1\)/);
    expect(articleFiles(dir).size).toBe(0);
    const r = cli(['--data', dir, good, bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error     ${bad}: /: has no headline`);
    expect(r.stdout).toMatch(/1 created, 0 updated, 0 unchanged, 0 removed, 0 withheld, 1 failed/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(cli(['--data', dir]).status).toBe(2);
  }, 60_000);

  it('leaves only whole files when killed in the middle of a run', async () => {
    const dir = freshDataDir();
    const items = Array.from({ length: 400 }, (_, i) => story({ uri: `urn:test:${i}`, headlines: [{ role: 'main', value: `Story number ${i}` }] }));
    const input = inputFile(dir, 'many.json', items);
    const child = spawn(tsx, [join(root, 'scripts/ingest.ts'), '--data', dir, input], { cwd: root });
    await new Promise<void>((resolve) => {
      const check = () => (articleFiles(dir).size >= 20 ? resolve() : setTimeout(check, 5));
      check();
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const files = articleFiles(dir);
    expect(files.size).toBeGreaterThan(0);
    expect(files.size).toBeLessThan(400);
    for (const [name, text] of files) {
      if (name.startsWith('.')) continue; // a temp file the build ignores (source-files.ts skips dotfiles)
      expect(() => JSON.parse(text)).not.toThrow();
    }
    const built = await buildDir(dir);
    expect(built.ok).toBe(true);
    // The next run completes the work.
    const r = cli(['--data', dir, input]);
    expect(r.status).toBe(0);
    expect([...articleFiles(dir).keys()].filter((n) => !n.startsWith('.'))).toHaveLength(400);
    expect(readFileSync(join(dir, 'articles', 'story-number-0.json'), 'utf8')).toContain('"version": 1');
  }, 60_000);
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDataSetStreamed } from '../tools/compile/build-data-streamed';
import { listSourceFiles } from '../tools/data/source-files';
import { parseJudged } from '../tools/linking/judged-text';
import { buildKnowledgeBase, kbEntities, type DataSetLike } from '../tools/linking/knowledge-base';
import { linkStory } from '../tools/linking/link-story';
import { readJudged } from '../tools/linking/measure';
import { replaceMarked } from '../tools/linking/measured-doc';
import { entityFilesWith, generatedEntity, generatedName, generatedNumber, kindOf, namedWithPrefix, sourcesWithEntities } from './kb-entities';
import { kbScaleSection } from './kb-scale-report';

/** The generated knowledge base of `npm run bench:kb` (bench/kb-entities.ts) and its report. */
const build = async (sources: ReturnType<typeof listSourceFiles>) => {
  const result = await buildDataSetStreamed(sources, { builtAt: '2026-01-01T00:00:00.000Z', hash: async (t) => createHash('sha256').update(t).digest('hex') });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  const keys = [...result.data.entries].map((e) => e.key.replace(/^v:[^:]+:/, ''));
  result.data.dispose();
  return keys;
};

describe('generated knowledge base', () => {
  it('names a million entities distinctly in both scripts, six in ten people', () => {
    const names = new Set<string>();
    for (let i = 0; i < 1_000_000; i += 997) names.add(generatedName(i).en.join(' ')).add(generatedName(i).hi.join(' '));
    expect(names.size).toBe(2 * Math.ceil(1_000_000 / 997));
    const kinds = Array.from({ length: 1000 }, (_, i) => kindOf(i));
    expect([kinds.filter((k) => k === 'people').length, kinds.filter((k) => k === 'places').length, kinds.filter((k) => k === 'organizations').length]).toEqual([600, 300, 100]);
    expect(generatedNumber(generatedEntity(4321).slug as string)).toBe(4321);
    expect(generatedNumber('putin-kim-summit-2023')).toBeUndefined();
    expect(namedWithPrefix(0, 'kak')).toBe(true);
  });

  it('builds: one page key per generated entity, nothing else per entity, every file valid', async () => {
    const own = await build(listSourceFiles('data'));
    const grown = await build(sourcesWithEntities(300));
    expect(grown.filter((k) => k.startsWith('e:')).length - own.filter((k) => k.startsWith('e:')).length).toBe(300);
    expect(grown.filter((k) => /kbgen/.test(k) && !k.startsWith('e:'))).toEqual([]);
  });

  it('keeps every link of the judged texts with 3,000 more entities in the linker', () => {
    const mentions = (extra: number) => {
      const files = Object.fromEntries(entityFilesWith(extra).map((f) => [f.path.slice(9, -5), JSON.parse(Buffer.from(f.read().bytes).toString('utf8'))])) as unknown as DataSetLike;
      const kb = buildKnowledgeBase(kbEntities(files));
      return readJudged('.').flatMap((d) => linkStory({ language: d.language, paragraphs: d.paragraphs.map((p) => parseJudged(p).text) }, kb).mentions.map((m) => `${d.id}:${m.paragraph}:${m.start}:${m.slug}`));
    };
    expect(mentions(3000)).toEqual(mentions(0));
  });

  it('writes its table between the doc markers', () => {
    const kv = { versionReads: 1, roundTrips: 2, operations: 2, keys: 5, bytes: 280, cacheHits: 0 };
    const section = kbScaleSection({
      startedAt: '2026-12-07T18:00:00.000Z', loadAverage: '1.0 1.0 1.0',
      rows: [{
        entities: 10, articles: 1,
        linker: { kbEntities: 276, aliasKeys: 2700, dictionaryMiB: 3, buildMs: 200, stories: 44, mentions: 450, storiesPerSecond: 200, maxRssMb: 140 },
        build: { keys: 987, loadedKeys: 987, bytes: 1000, buildMs: 1000, buildMaxRssMb: 200, loadMs: 1000, largestValue: { key: 's:p:0', bytes: 14864 } },
        requests: [{ name: 'person-page (seed)', responseBytes: 900, kvCold: kv, kvWarm: { ...kv, roundTrips: 0 }, coldP50Ms: 10 }],
      }],
    });
    expect(section).toContain('| 276 ');
    expect(section).toContain('44 / 450');
    expect(section).toContain('2 / 5 / 280');
    const doc = replaceMarked('a\n<!-- bench:kb-scale -->\nold\n<!-- /bench:kb-scale -->\nb', 'bench:kb-scale', section);
    expect(doc.startsWith('a\n<!-- bench:kb-scale -->\nRun 2026-12-07T18:00 UTC')).toBe(true);
    expect(() => replaceMarked('no markers', 'bench:kb-scale', section)).toThrow(/no <!-- bench:kb-scale -->/);
    const merged = kbScaleSection({ startedAt: '2026-12-08T01:30:00.000Z', loadAverage: '2.0 2.0 2.0', rows: [], earlier: { startedAt: '2026-12-08T01:15:00.000Z', loadAverage: '1.0 1.0 1.0', entities: [100000] } });
    expect(merged).toContain('The rows of 100000 entities are from the run of 2026-12-08T01:15 UTC, load average 1.0 1.0 1.0.');
    expect(section).not.toContain('are from the run of');
  });
});

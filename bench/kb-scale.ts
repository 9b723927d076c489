/**
 * `npm run bench:kb`: the whole path at a large knowledge base. For each size, the project's
 * data plus N generated entities (bench/kb-entities.ts) and `--articles` generated articles:
 *
 * - the linker (bench/kb-linker.ts, a child of its own): the dictionary's heap, its build
 *   time, stories linked per second on the judged texts;
 * - the build and load (bench/load-corpus.ts --kb-entities): time, peak RSS, keys, bytes, the
 *   largest value;
 * - the worker, from that local KV: a person page (the seed's Putin, and a generated person)
 *   and type-ahead (किम, and a generated name's prefix) cold (fresh isolate state) and warm:
 *   KV round trips, keys and bytes (x-kv-stats), response bytes, and the median of `--probes`
 *   cold requests.
 *
 *   npm run bench:kb [-- --entities 100000,300000,1000000 --articles 1000 --probes 20 --full-load-max 300000 --worker-max 1000000 --with FILE]
 *
 * --with FILE: the table also shows the sizes an earlier run (its results JSON) measured and this
 * one does not, said to be that run's (a shared machine may not fit every size in one sitting).
 *
 * Above `--full-load-max` entities every key is built but only the pages the measured requests
 * read are loaded (bench/load-corpus.ts --pages-named): a million entity pages take over an
 * hour to load into local KV on a small machine, and no measured request reads the others.
 * Above `--worker-max` entities only the linker is measured (a shared machine's limit).
 *
 * Writes bench/results/kb-scale-<time>.json and the table into docs/ingest-linking.md
 * (between its `<!-- bench:kb-scale -->` markers; bench/kb-scale-report.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { run } from './child';
import { loadCorpus } from './loaded-state';
import { generatedEntity, generatedName } from './kb-entities';
import { kbScaleSection, type KbScaleRow, type KbScaleResults } from './kb-scale-report';
import { probe } from './measure';
import { operation } from './operations';
import { bundleBenchWorker, startRuntime } from './runtime';
import { replaceMarked } from '../tools/linking/measured-doc';

const DOC = 'docs/ingest-linking.md';
/** The generated prefix type-ahead is measured with: the first three letters of entity 0's given name. */
const PREFIX = generatedName(0).en[0]!.toLowerCase().slice(0, 3);

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { entities: { type: 'string', default: '100000' }, articles: { type: 'string', default: '1000' }, probes: { type: 'string', default: '20' }, 'full-load-max': { type: 'string', default: '300000' },
      'worker-max': { type: 'string', default: '1000000' }, with: { type: 'string' } },
  });
  const started = performance.now();
  const log = (line: string) => console.error(`[bench:kb ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const articles = Number(values.articles);
  const probes = Number(values.probes);
  const bundle = await bundleBenchWorker();
  const rows: KbScaleRow[] = [];
  const startedAt = new Date().toISOString();
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/kb-scale-${startedAt.replace(/[:.]/g, '-')}.json`;
  for (const entities of values.entities!.split(',').map(Number)) {
    // Heap: the build's live heap is at most about 2 KB an entity (the linker's dictionary about
    // 1 KB); a limit about twice that keeps V8 from growing the heap far past what is live.
    const heapMb = Math.max(2048, Math.ceil(entities / 200_000) * 1024);
    log(`${entities} entities: the linker`);
    const linker = JSON.parse((await run('node', ['--expose-gc', `--max-old-space-size=${heapMb}`, '--import', 'tsx', 'bench/kb-linker.ts', '--kb-entities', String(entities)])).stdout.trim().split('\n').at(-1)!);
    log(`  dictionary ${linker.dictionaryMiB} MiB, ${linker.storiesPerSecond} stories/s`);
    if (entities > Number(values['worker-max'])) {
      rows.push({ entities, articles, linker });
      write();
      continue;
    }
    log(`${entities} entities: building and loading KV`);
    const sampled = entities > Number(values['full-load-max']) ? ['--pages-named', `${PREFIX},${operation('type-ahead').variables!.prefix}`] : [];
    const loaded = await loadCorpus<NonNullable<KbScaleRow['build']>>(bundle, ['--articles', String(articles), '--kb-entities', String(entities), ...sampled], heapMb);
    const build = loaded.figures;
    log(`  built in ${(build.buildMs / 1000).toFixed(0)} s (peak RSS ${Math.round(build.buildMaxRssMb)} MB), ${build.loadedKeys} of ${build.keys} keys loaded in ${(build.loadMs / 1000).toFixed(0)} s`);
    const served = await startRuntime(bundle, loaded.kvDir);
    try {
      const generated = generatedEntity(0).slug as string;
      const requests = [
        { name: 'person-page (seed)', op: operation('person-page') },
        { name: 'person-page (generated)', op: { ...operation('person-page'), variables: { slug: generated } } },
        { name: 'type-ahead किम', op: operation('type-ahead') },
        { name: `type-ahead ${PREFIX}`, op: { ...operation('type-ahead'), variables: { prefix: PREFIX } } },
      ];
      const measured = [];
      for (const r of requests) {
        const cold = await probe(`${served.url}/__cold/graphql`, r.op);
        await probe(`${served.url}/graphql`, r.op);
        const warm = await probe(`${served.url}/graphql`, r.op);
        const times: number[] = [];
        for (let i = 0; i < probes; i++) {
          const t = performance.now();
          await probe(`${served.url}/__cold/graphql`, r.op);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        measured.push({ name: r.name, responseBytes: Buffer.byteLength(warm.body), kvCold: cold.kv, kvWarm: warm.kv, coldP50Ms: Math.round(times[Math.floor(times.length / 2)]!) });
        log(`  ${r.name}: cold ${cold.kv.roundTrips} round trips, ${cold.kv.keys} keys, ${cold.kv.bytes} bytes; warm ${warm.kv.roundTrips}`);
      }
      rows.push({ entities, articles, linker, build, requests: measured });
    } finally {
      await served.stop();
      rmSync(loaded.kvDir, { recursive: true, force: true });
    }
    write();
  }
  // After each size: an hour-long run stopped at the largest size keeps the smaller sizes' figures.
  function write() {
    // --with: an earlier run's figures of the sizes this run does not measure, read when written.
    const earlier = values.with ? (JSON.parse(readFileSync(values.with, 'utf8')) as KbScaleResults) : undefined;
    const kept = (earlier?.rows ?? []).filter((r) => !rows.some((x) => x.entities === r.entities));
    const results: KbScaleResults = {
      startedAt, loadAverage: loadavg().map((x) => x.toFixed(1)).join(' '), rows: [...kept, ...rows].sort((a, b) => a.entities - b.entities),
      ...(earlier && kept.length > 0 && { earlier: { startedAt: earlier.startedAt, loadAverage: earlier.loadAverage, entities: kept.map((r) => r.entities) } }),
    };
    writeFileSync(file, JSON.stringify(results, null, 2));
    writeFileSync(DOC, replaceMarked(readFileSync(DOC, 'utf8'), 'bench:kb-scale', kbScaleSection(results)));
    log(`figures of ${rows.length} size(s) written to ${file} and ${DOC}`);
  }
}

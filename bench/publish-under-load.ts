/**
 * Publishing under load: readers query the API in a loop while the data set is republished
 * several times through the real publishing path (scripts/load-kv.ts -> tools/publish/publish.ts)
 * into the KV the running `wrangler dev` reads. Every answer must be complete (200, data, no
 * error) and consistent with the one data version it names: the `x-data-version` header equals
 * `dataVersion.id`, and the article count, `totalCount` and the article slugs are exactly
 * those of that version as built. Versions differ by their articles (variant k holds the seed
 * data plus k generated ones), so an answer mixing two versions cannot pass.
 *
 * The last publication goes back to the first variant, whose keys the clean-up deleted by
 * then (two previous versions are kept): a rewrite of a version readers have seen before.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBuild } from '../tools/compile/run-build';
import { generateArticle } from '../tools/fixtures/corpus';

export interface PublishLoadOptions {
  url: string;
  /** The `--persist-to` directory the server reads. */
  state: string;
  /** A scratch directory for the variants' data and build output. */
  scratch: string;
  readers: number;
  /** Publications after the first; the last returns to the first variant. */
  republish: number;
  /** Seconds of reading between publications: at least VERSION_CHECK_SECONDS to see each one. */
  pauseSeconds: number;
  env: NodeJS.ProcessEnv;
}

interface Expected {
  articles: number;
  slugs: string;
}

const QUERY = '{ dataVersion { id articleCount } articles(first: 100) { totalCount nodes { slug } } }';
const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds variant k (seed data + k generated articles); returns its output dir and version. */
async function buildVariant(k: number, scratch: string): Promise<{ out: string; version: string; expected: Expected }> {
  const data = join(scratch, `data-${k}`);
  const out = join(scratch, `out-${k}`);
  cpSync('data', data, { recursive: true });
  const slugs = readdirSync('data/articles').map((name) => name.replace(/\.json$/, ''));
  for (let i = 1; i <= k; i++) {
    // Not marked `generated`: generated articles are left out of lists, these must be in them.
    const { path, text } = generateArticle(i, 15);
    const { generated: _generated, ...article } = JSON.parse(text) as { slug: string; generated?: boolean };
    writeFileSync(join(data, path), JSON.stringify(article));
    slugs.push(article.slug);
  }
  const lines: string[] = [];
  const code = await runBuild(data, out, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  if (code !== 0) throw new Error(`building variant ${k} failed:\n${lines.join('\n')}`);
  const version = /data version (\w+)/.exec(lines[0]!)![1]!;
  return { out, version, expected: { articles: slugs.length, slugs: slugs.sort().join(' ') } };
}

function publish(out: string, state: string, env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(bin('tsx'), ['scripts/load-kv.ts', '--persist-to', state, '--out', out], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`publishing ${out} failed: ${r.stderr}`);
  return Math.round(performance.now() - started);
}

export async function publishUnderLoad(options: PublishLoadOptions) {
  mkdirSync(options.scratch, { recursive: true });
  const variants = [];
  for (let k = 0; k <= options.republish - 1; k++) variants.push(await buildVariant(k + 1, options.scratch));
  const expected = new Map(variants.map((v) => [v.version, v.expected]));
  // What the server holds now (bench/load.ts published .build/) is a version of its own.
  const initial = await (await fetch(`${options.url}/graphql?query=${encodeURIComponent(QUERY)}`)).json() as {
    data: { dataVersion: { id: string; articleCount: number }; articles: { nodes: Array<{ slug: string }> } };
  };
  expected.set(initial.data.dataVersion.id, {
    articles: initial.data.dataVersion.articleCount,
    slugs: initial.data.articles.nodes.map((n) => n.slug).sort().join(' '),
  });

  const tally = { reads: 0, errors: 0, inconsistent: 0, switches: [] as number[], byVersion: {} as Record<string, number>, examples: [] as string[] };
  const latencies: number[] = [];
  let running = true;
  async function reader(id: number): Promise<void> {
    let last = '';
    tally.switches[id] = 0;
    for (let n = 0; running; n++) {
      // Half the reads bypass the edge cache (a URL of their own), half share one cached URL.
      const bust = n % 2 === 0 ? `&r=${id}-${n}` : '';
      const started = performance.now();
      let problem = '';
      try {
        const response = await fetch(`${options.url}/graphql?query=${encodeURIComponent(QUERY)}${bust}`);
        const header = response.headers.get('x-data-version') ?? '';
        const body = (await response.json()) as { data?: typeof initial.data & { articles: { totalCount: number } }; errors?: unknown[] };
        latencies.push(performance.now() - started);
        tally.reads += 1;
        if (response.status !== 200 || body.errors || !body.data) {
          tally.errors += 1;
          problem = `${response.status} ${JSON.stringify(body).slice(0, 200)}`;
        } else {
          const { dataVersion, articles } = body.data;
          const want = expected.get(dataVersion.id);
          const slugs = articles.nodes.map((a) => a.slug).sort().join(' ');
          tally.byVersion[dataVersion.id] = (tally.byVersion[dataVersion.id] ?? 0) + 1;
          if (header !== dataVersion.id || !want || want.articles !== dataVersion.articleCount || want.articles !== articles.totalCount || want.slugs !== slugs) {
            tally.inconsistent += 1;
            problem = `header ${header}, dataVersion ${dataVersion.id} (${dataVersion.articleCount}), totalCount ${articles.totalCount}`;
          }
          if (last && dataVersion.id !== last) tally.switches[id]! += 1;
          last = dataVersion.id;
        }
      } catch (error) {
        tally.errors += 1;
        problem = (error as Error).message;
      }
      if (problem && tally.examples.length < 5) tally.examples.push(problem);
    }
  }

  const started = performance.now();
  const readers = Array.from({ length: options.readers }, (_, i) => reader(i));
  const publications: Array<{ version: string; ms: number }> = [];
  // Variants 1..n in turn, then the first again (its keys deleted meanwhile by the clean-up).
  for (const variant of [...variants, variants[0]!]) {
    await sleep(options.pauseSeconds * 1000);
    publications.push({ version: variant.version, ms: publish(variant.out, options.state, options.env) });
  }
  await sleep(options.pauseSeconds * 1000);
  running = false;
  await Promise.all(readers);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
  return {
    readers: options.readers,
    seconds: Math.round(seconds),
    reads: tally.reads,
    readsPerSecond: Math.round(tally.reads / seconds),
    errors: tally.errors,
    inconsistent: tally.inconsistent,
    /**
     * Version changes one reader saw, at most: one per publication when every reader moves
     * forward once; more would mean answers flipping between versions.
     */
    maxSwitchesPerReader: Math.max(...tally.switches),
    latencyMs: { p50: pct(0.5), p99: pct(0.99), max: Math.round(latencies.at(-1) ?? 0) },
    publications,
    readsByVersion: tally.byVersion,
    examples: tally.examples,
  };
}

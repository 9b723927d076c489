/**
 * Newsroom ingest (docs/ingest.md): ninjs, schema.org JSON-LD, news pages, RSS and Atom in;
 * article files in data/articles out.
 *
 *   tsx scripts/ingest.ts --dry-run --json [--language TAG] <inputs>...   (one JSON object a story, nothing written)
 *   tsx scripts/ingest.ts [--dry-run] [--publish [--remote]] [--data DIR] [--language TAG] [--review FILE]
 *                         [--timeout MS] [--max-bytes N] <file|folder|URL>...
 *
 * One line per item: created / updated / unchanged / removed / withheld, or the problem with
 * its source and place. Exits 1 when any item failed (the others are still written), 2 on
 * bad arguments. --publish then publishes what changed: incrementally when KV holds a published
 * version (tools/ingest/publish-ingested.ts), else the full build and kv:load, as `npm start` does.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FETCH_LIMITS } from '../tools/ingest/fetch-source';
import { ingest } from '../tools/ingest/ingest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { textLinkerFor } from '../tools/linking/ingest-linker';
import { KbGrowth } from '../tools/kb/source-entities';
import { CandidateStore } from '../tools/kb/candidates';
import { ReviewReport } from '../tools/linking/review-report';
import { formatIngestProblem } from '../tools/ingest/problem';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      remote: { type: 'boolean', default: false },
      data: { type: 'string', default: 'data' },
      language: { type: 'string' },
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      review: { type: 'string', default: '.build/linking-review.json' },
    },
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { values, positionals } = parsed;
if (positionals.length === 0) {
  console.error('usage: npm run ingest -- [--dry-run] [--publish [--remote]] [--data DIR] <file|folder|URL>...');
  process.exit(2);
}
const positive = (text: string | undefined, fallback: number) => {
  const n = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`not a positive whole number: ${text}`);
    process.exit(2);
  }
  return n;
};
if (values.json) {
  if (!values['dry-run'] || values.publish) {
    console.error('--json prints what a dry run reads: use it with --dry-run (and without --publish)');
    process.exit(2);
  }
  const { readStories } = await import('../tools/ingest/story-json');
  let refused = 0;
  for await (const story of readStories(positionals, { defaultLanguage: values.language })) {
    if (story.refused) refused += 1;
    process.stdout.write(`${JSON.stringify(story)}\n`);
  }
  process.exit(refused > 0 ? 1 : 0);
}
const dataDir = values.data!;
const dryRun = values['dry-run']!;
// Entity linking (tools/linking): the source's links, then the text; what it cannot link goes
// to the curators' review report.
const review = new ReviewReport();
// The sources' own tags with an identity that no KB entity has become entities (tools/kb/source-entities.ts).
const growth = existsSync(join(dataDir, 'entities')) ? new KbGrowth(dataDir) : undefined;
// Names the KB lacks gather as candidates for editors (npm run kb:review); never served.
const candidates = growth ? new CandidateStore(dataDir) : undefined;
const report = await ingest(positionals, {
  dataDir,
  dryRun,
  linker: growth ? textLinkerFor(dataDir, review, growth, candidates) : undefined,
  defaultLanguage: values.language,
  limits: {
    ...DEFAULT_FETCH_LIMITS,
    timeoutMs: positive(values.timeout, DEFAULT_FETCH_LIMITS.timeoutMs),
    maxBytes: positive(values['max-bytes'], DEFAULT_FETCH_LIMITS.maxBytes),
  },
});

const would = dryRun ? 'would be ' : '';
for (const c of report.changes) {
  const target = c.slug ? join(dataDir, 'articles', `${c.slug}.json`) : '-';
  const version = c.version !== undefined && c.action !== 'unchanged' ? ` (version ${c.version})` : '';
  console.log(`${would}${c.action.padEnd(9)} ${target}${version}  <- ${c.source} ${c.where}${c.note ? `; ${c.note}` : ''}`);
}
for (const p of report.problems) console.error(`error     ${formatIngestProblem(p)}`);
const grew = growth ? growth.created.length + growth.enriched.length : 0;
if (growth && grew > 0) {
  if (!dryRun) growth.save();
  console.log(`${would}${growth.created.length} entit(ies) created from the sources' tags${growth.created.length ? ` (${growth.created.join(', ')})` : ''}, ${growth.enriched.length} enriched`);
}
for (const p of growth?.problems ?? []) console.error(`error     ${p}`);
if (candidates) {
  if (!dryRun) candidates.save();
  const proposed = candidates.proposed().length;
  if (proposed > 0) console.log(`${would}${proposed} candidate name(s) for editors: npm run kb:review`);
}

const toReview = review.entriesByCount();
if (toReview.length > 0) {
  mkdirSync(dirname(values.review!), { recursive: true });
  writeFileSync(values.review!, `${JSON.stringify(toReview, null, 2)}\n`);
  console.log(`${toReview.length} name(s) that look like entities but are in no KB entry (or in several): ${values.review}`);
}

// The totals last: what a run did is the line a reader's eye lands on.
const count = (action: string) => report.changes.filter((c) => c.action === action).length;
console.log(
  `${dryRun ? 'dry run, nothing written: ' : ''}${count('created')} created, ${count('updated')} updated, ` +
    `${count('unchanged')} unchanged, ${count('removed')} removed, ${count('withheld')} withheld, ${report.problems.length} failed`,
);
if (report.problems.length > 0) process.exitCode = 1;
if (values.publish && !dryRun) {
  // What this ingest changed, published incrementally when a version is already published
  // (tools/ingest/publish-ingested.ts); otherwise the two steps `npm start` runs: build, load.
  let full = false;
  // Loaded only to publish: wrangler (getPlatformProxy) takes seconds to import.
  const [{ openKv }, { publishIngested }] = await Promise.all([import('../tools/publish/kv-target'), import('../tools/ingest/publish-ingested')]);
  const target = await openKv({ remote: values.remote! });
  try {
    // New or enriched entities have keys of their own (pages, type-ahead) that the incremental path does not write.
    const done = grew > 0 ? ({ mode: 'full-build-needed' } as const) : await publishIngested(target.writer, dataDir, report.changes, (line) => console.log(line));
    full = done.mode === 'full-build-needed';
    if (done.mode === 'nothing') console.log('nothing to publish');
    // For a cache in front of the worker (docs/publishing.md, "Purging a CDN or Workers Cache by tag"): what to purge, once readers see the version.
    if (done.mode === 'incremental' && done.published.purgeTags.length > 0) console.log(`cache tags to purge (${done.published.purgeTags.length}): ${done.published.purgeTags.join(',')}`);
  } catch (error) {
    console.error(`publish failed: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await target.close();
  }
  if (full) {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    try {
      execFileSync(tsx, ['scripts/build-data.ts', '--data', dataDir], { stdio: 'inherit' });
      execFileSync(tsx, ['scripts/load-kv.ts', ...(values.remote ? ['--remote'] : [])], { stdio: 'inherit' });
    } catch {
      console.error('publish failed: see the lines above; the article files are written and the next build will take them');
      process.exitCode = 1;
    }
  }
}

/**
 * Imports Wikidata items (Special:EntityData JSON, wbgetentities answers or dump arrays) into
 * the knowledge base under data/entities/; see tools/kb/import-wikidata.ts.
 *
 *   npm run kb:import -- [--data DIR] [--languages en,hi,...] [--type Person] [--dry-run] FILE...
 *   npm run kb:import -- --dump FILE|- [--p31 Q5,Q515] [--sitelinks enwiki,hiwiki] [--ids Q1,Q2]
 *                        [--resume] [--every N] [--languages ...] [--data DIR]
 *
 * FILE...: exits 1, writing nothing, if any item cannot be imported or a file would become
 * invalid. --dump streams a Wikidata JSON dump (.json, .json.gz, .json.bz2 or "-" for standard
 * input) with checkpoints (tools/kb/import-dump.ts); it exits 1 if any line was a problem.
 */
import { parseArgs } from 'node:util';
import { importWikidata } from '../tools/kb/import-wikidata';
import type { ImportType } from '../tools/kb/wikidata-entity';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: 'data' },
    languages: { type: 'string', default: 'en,hi,ur,ko,ja,zh,ru' },
    type: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    dump: { type: 'string' },
    p31: { type: 'string' },
    sitelinks: { type: 'string' },
    ids: { type: 'string' },
    resume: { type: 'boolean', default: false },
    every: { type: 'string' },
  },
});
if (values.type && !['Person', 'Place', 'Event', 'Organization'].includes(values.type)) {
  console.error(`--type must be Person, Place, Event or Organization, not "${values.type}"`);
  process.exit(2);
}
const list = (v: string | undefined) => (v ? new Set(v.split(',').map((x) => x.trim()).filter(Boolean)) : undefined);
if (values.dump) {
  const every = values.every === undefined ? undefined : Number(values.every);
  if (every !== undefined && (!Number.isInteger(every) || every <= 0)) {
    console.error(`--every must be a positive whole number, not "${values.every}"`);
    process.exit(2);
  }
  const { importDump } = await import('../tools/kb/import-dump');
  try {
    const r = await importDump(values.data!, values.dump, {
      languages: values.languages!.split(','), type: values.type as ImportType | undefined, today: new Date().toISOString().slice(0, 10),
      filter: { classes: list(values.p31), sitelinks: list(values.sitelinks), ids: list(values.ids) },
      resume: values.resume, every, dryRun: values['dry-run'], progress: (line) => console.log(line),
    });
    for (const e of r.errors.slice(0, 50)) console.error(e);
    console.log(`${r.read} line(s) read${r.resumedFrom ? ` after line ${r.resumedFrom}` : ''}: ${r.added} added, ${r.updated} updated, ${r.errors.length} problem(s), ${r.notes.length} note(s)`);
    if (r.errors.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
  process.exit();
}
if (positionals.length === 0) {
  console.error('usage: npm run kb:import -- [--data DIR] [--languages en,hi] [--type Person|Place|Event|Organization] [--dry-run] FILE... | --dump FILE');
  process.exit(2);
}
const result = importWikidata(values.data!, positionals, {
  languages: values.languages!.split(','),
  type: values.type as ImportType | undefined,
  today: new Date().toISOString().slice(0, 10),
  dryRun: values['dry-run'],
});
for (const note of result.notes) console.log(`note: ${note}`);
if (result.errors.length > 0) {
  console.error(`${result.errors.length} problem(s); nothing was written:`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}
const verb = values['dry-run'] ? 'would add' : 'added';
console.log(`${verb} ${result.added.length}: ${result.added.join(', ') || '-'}; ${values['dry-run'] ? 'would update' : 'updated'} ${result.updated.length}: ${result.updated.join(', ') || '-'}`);

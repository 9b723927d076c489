/**
 * Imports Wikidata items (Special:EntityData JSON, wbgetentities answers or dump arrays) into
 * the knowledge base under data/entities/; see tools/kb/import-wikidata.ts.
 *
 *   npm run kb:import -- [--data DIR] [--languages en,hi,...] [--type Person] [--dry-run] FILE...
 *
 * Exits 1, writing nothing, if any item cannot be imported or a file would become invalid.
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
  },
});
if (positionals.length === 0) {
  console.error('usage: npm run kb:import -- [--data DIR] [--languages en,hi] [--type Person|Place|Event|Organization] [--dry-run] FILE...');
  process.exit(2);
}
if (values.type && !['Person', 'Place', 'Event', 'Organization'].includes(values.type)) {
  console.error(`--type must be Person, Place, Event or Organization, not "${values.type}"`);
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

/**
 * The editors' review of names the KB lacks (tools/kb/candidates.ts): lists the candidates
 * ingest gathered, most evidence first, and accepts, merges or rejects one.
 *
 *   npm run kb:review [-- --data DIR] [--all]
 *   npm run kb:review -- accept ID [--wikidata Q123] [--type Person|Place|Organization] [--slug SLUG] [--kind CITY]
 *   npm run kb:review -- merge ID SLUG
 *   npm run kb:review -- reject ID
 *
 * Exits 2 on bad arguments, 1 when the decision cannot be carried out (the message says why).
 */
import { parseArgs } from 'node:util';
import { CandidateStore } from '../tools/kb/candidates';
import { accept, listing, merge, reject } from '../tools/kb/review-candidates';
import { KbGrowth } from '../tools/kb/source-entities';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: 'data' },
      all: { type: 'boolean', default: false },
      wikidata: { type: 'string' },
      type: { type: 'string' },
      slug: { type: 'string' },
      kind: { type: 'string' },
    },
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { values, positionals } = parsed;
const [command, id, slug] = positionals;
const store = new CandidateStore(values.data!);

if (!command) {
  const shown = values.all ? store.file.candidates : store.proposed();
  for (const line of listing(shown)) console.log(line);
  console.log(`${shown.length} candidate(s)${values.all ? '' : ' seen in two stories or from two sources'}; ${store.file.candidates.length} gathered, ${store.file.rejected.length} name key(s) rejected`);
  process.exit(0);
}
if (!['accept', 'merge', 'reject'].includes(command) || !id || (command === 'merge' && !slug)) {
  console.error('usage: npm run kb:review -- [accept ID [--wikidata Q..] [--type T] | merge ID SLUG | reject ID]');
  process.exit(2);
}
try {
  const kb = new KbGrowth(values.data!);
  const line = command === 'accept' ? accept(store, kb, id, values) : command === 'merge' ? merge(store, kb, id, slug!) : reject(store, id);
  kb.save();
  store.save();
  console.log(line);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

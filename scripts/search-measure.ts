/**
 * Search quality on judged sets (bench/search-measure.ts): MRR@10, nDCG@10 and recall@10 per
 * set, part and language, for this API's search beside a plain BM25.
 *
 *   npm run search:measure [-- --sets xquad,jsquad,news --parts dev,held-out --write]
 *
 * Tune on `--parts dev` only; the held-out part is for reporting. `--write` puts the table into
 * docs/search.md and the figures into bench/results/search-measure.json.
 */
import { parseArgs } from 'node:util';
import { measureSearch, writeSearchMeasure } from '../bench/search-measure';

const { values } = parseArgs({
  options: { sets: { type: 'string', default: 'xquad,jsquad,news' }, parts: { type: 'string', default: 'dev,held-out' }, write: { type: 'boolean', default: false } },
});
const { rows, table } = await measureSearch(values.sets.split(','), values.parts.split(','));
console.log(table);
if (values.write) writeSearchMeasure(`npm run search:measure -- --sets ${values.sets} --parts ${values.parts}`, rows, table);

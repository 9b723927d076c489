/**
 * Cold p50 by corpus size, interleaved (bench/cold-sizes.ts), over the KV states
 * `npm run bench -- --sizes ...` loaded:
 *
 *   npm run bench:cold-sizes [-- --sizes 1000,100000] [--rounds 31] [--state-keys 1000=KEY,100000=KEY]
 */
import { parseArgs } from 'node:util';
import { coldSizes } from '../bench/cold-sizes';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    rounds: { type: 'string', default: '31' },
    'state-keys': { type: 'string', default: '' },
  },
});
const log = (message: string) => console.error(`[cold-sizes ${new Date().toISOString().slice(11, 19)}] ${message}`);
const stateKeys = new Map(values['state-keys'].split(',').filter(Boolean).map((s) => s.split('=') as [string, string]));
const rounds = Number(values.rounds);
const { rows, loadAverage, file } = await coldSizes({ sizes: values.sizes.split(',').map(Number), rounds, stateKeys }, log);
console.table(rows);
console.log(`load average (1 min) during the run: ${loadAverage}; ${rounds} requests per operation and size`);
log(`written to ${file}`);

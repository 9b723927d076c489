/**
 * The peer comparison alone (bench/peer/run.ts), over a corpus an earlier `npm run bench`
 * loaded (bench/.state/):
 *
 *   npm run bench:peer [-- --sizes 1000,100000 --seconds 5 --connections 10]
 */
import { parseArgs } from 'node:util';
import { runPeer } from '../bench/peer/run';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const log = (message: string) => console.error(`[bench:peer ${new Date().toISOString().slice(11, 19)}] ${message}`);
console.log(await runPeer({ sizes: values.sizes.split(',').map(Number), seconds: Number(values.seconds), connections: Number(values.connections) }, log));

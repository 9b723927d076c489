/** `npm run bench:fixed-cost`: the entry point; the benchmark itself and its options are in bench/fixed-cost/run.ts. */
import { main } from '../bench/fixed-cost/run';

await main(process.argv.slice(2));

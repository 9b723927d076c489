/** `npm run bench`: the entry point; the benchmark itself and its options are in bench/run.ts. */
import { main } from '../bench/run';

await main(process.argv.slice(2));

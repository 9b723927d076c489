/** `npm run bench:load`: the entry point; the benchmark itself and its options are in bench/load.ts. */
import { main } from '../bench/load';

await main(process.argv.slice(2));

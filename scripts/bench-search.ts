/** `npm run bench:search`: the entry point; the benchmark itself and its options are in bench/search.ts. */
import { main } from '../bench/search';

await main(process.argv.slice(2));

/** `npm run bench:search-cold`: the entry point; the benchmark itself and its options are in bench/search-cold.ts. */
import { main } from '../bench/search-cold';

await main(process.argv.slice(2));

/** `npm run bench:build`: the entry point; the benchmark itself and its options are in bench/build-corpus.ts. */
import { main } from '../bench/build-corpus';

await main(process.argv.slice(2));

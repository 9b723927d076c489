/** `npm run bench:kb`: the knowledge base at scale; the benchmark and its options are in bench/kb-scale.ts. */
import { main } from '../bench/kb-scale';

await main(process.argv.slice(2));

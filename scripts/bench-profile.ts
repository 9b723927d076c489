/** `npm run bench:profile`: the entry point; the benchmark itself and its options are in bench/profile-request.ts. */
import { main } from '../bench/profile-request';

await main(process.argv.slice(2));

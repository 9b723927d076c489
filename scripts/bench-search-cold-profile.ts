/** `npm run bench:search-cold-profile`: the entry point; the profile itself and its options are in bench/search-cold-profile.ts. */
import { main } from '../bench/search-cold-profile';

await main(process.argv.slice(2));

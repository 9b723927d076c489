/**
 * Adds every country to the knowledge base (data/entities/places.json), with its English,
 * Hindi and Korean names from i18n-iso-countries; see tools/kb/countries.ts.
 *
 *   npm run kb:countries [-- --data DIR]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeCountries } from '../tools/kb/countries';
import { readEntityFile, writeEntityFile } from '../tools/kb/entity-file';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data' } } });
const path = join(values.data!, 'entities', 'places.json');
const { places, added, extended, dropped } = mergeCountries(readEntityFile(path));
writeEntityFile(path, places);
if (dropped.length > 0) console.log(`names i18n-iso-countries gives two countries, left out: ${dropped.join('; ')}`);
console.log(`${path}: ${added} countries added, ${extended} extended with names they lacked, ${places.length} places in all`);

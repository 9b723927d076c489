/**
 * Writes a synthetic Wikidata JSON dump in Wikidata's layout ("[", one entity a line, "]"),
 * gzip-compressed when the file name ends in .gz, to measure `kb:import --dump` at scale
 * (docs/ingest-linking.md). Deterministic: entity i is a human (P31 Q5) when i % 10 == 0, a
 * city (Q515) when i % 20 == 1, else a scholarly article (Q13442814); one in five has an
 * English Wikipedia sitelink. Labels in English and Hindi, one alias, a description.
 *
 *   npx tsx scripts/kb-generate-dump.ts OUT.json[.gz] [COUNT=1000000]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

const [out, countText = '1000000'] = process.argv.slice(2);
const count = Number(countText);
if (!out || !Number.isInteger(count) || count <= 0) {
  console.error('usage: npx tsx scripts/kb-generate-dump.ts OUT.json[.gz] [COUNT]');
  process.exit(2);
}
const file = createWriteStream(out);
const sink = out.endsWith('.gz') ? createGzip() : file;
if (sink !== file) sink.pipe(file);
const claim = (q: number) => ({ mainsnak: { snaktype: 'value', property: 'P31', datatype: 'wikibase-item', datavalue: { type: 'wikibase-entityid', value: { 'entity-type': 'item', 'numeric-id': q, id: `Q${q}` } } }, type: 'statement', rank: 'normal' });
const write = async (text: string) => {
  if (!sink.write(text)) await once(sink, 'drain');
};
await write('[\n');
for (let i = 0; i < count; i++) {
  const id = `Q${10_000_000 + i}`;
  const cls = i % 10 === 0 ? 5 : i % 20 === 1 ? 515 : 13442814;
  const entity = {
    type: 'item', id,
    labels: { en: { language: 'en', value: `Generated Entity ${i}` }, hi: { language: 'hi', value: `उत्पन्न इकाई ${i}` } },
    aliases: { en: [{ language: 'en', value: `Entity ${i}` }] },
    descriptions: { en: { language: 'en', value: `generated item number ${i}` } },
    claims: { P31: [claim(cls)] },
    sitelinks: i % 5 === 0 ? { enwiki: { site: 'enwiki', title: `Generated Entity ${i}`, badges: [] } } : {},
  };
  await write(`${JSON.stringify(entity)}${i < count - 1 ? ',' : ''}\n`);
  if ((i + 1) % 200_000 === 0) console.log(`${i + 1} entities written`);
}
await write(']\n');
sink.end();
await once(file, 'finish');
console.log(`${out}: ${count} entities`);

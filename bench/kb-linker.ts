/**
 * The linker at a knowledge base of N more entities (bench/kb-entities.ts), in a child of its
 * own so that its heap is the linker's: the dictionary's heap (used heap after a full
 * collection, before and after buildKnowledgeBase), its aliases, and stories linked per second
 * (the judged texts of tests/fixtures/linking, over and over for `--seconds`), with the
 * mentions one pass finds (a count that must not change with the KB's size).
 *
 *   node --expose-gc --import tsx bench/kb-linker.ts --kb-entities N [--seconds 5]
 *
 * Prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { buildKnowledgeBase, kbEntities, type DataSetLike } from '../tools/linking/knowledge-base';
import { linkStory } from '../tools/linking/link-story';
import { parseJudged } from '../tools/linking/judged-text';
import { readJudged } from '../tools/linking/measure';
import { entityFilesWith } from './kb-entities';

const { values } = parseArgs({ options: { 'kb-entities': { type: 'string', default: '0' }, seconds: { type: 'string', default: '5' } } });
const extra = Number(values['kb-entities']);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const usedMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const files = Object.fromEntries(
  entityFilesWith(extra).map((f) => [f.path.slice('entities/'.length, -'.json'.length), JSON.parse(Buffer.from(f.read().bytes).toString('utf8'))]),
) as unknown as DataSetLike;
const entities = kbEntities(files);
const before = usedMiB();
const started = performance.now();
const kb = buildKnowledgeBase(entities);
const buildMs = performance.now() - started;
const dictionaryMiB = usedMiB() - before;

const stories = readJudged('.').map((d) => ({ language: d.language, paragraphs: d.paragraphs.map((p) => parseJudged(p).text) }));
let mentions = 0;
for (const s of stories) mentions += linkStory(s, kb).mentions.length;
const until = performance.now() + Number(values.seconds) * 1000;
let linked = 0;
const linkStarted = performance.now();
while (performance.now() < until) {
  for (const s of stories) linkStory(s, kb);
  linked += stories.length;
}
const storiesPerSecond = linked / ((performance.now() - linkStarted) / 1000);
console.log(JSON.stringify({
  kbEntities: kb.entities.size, aliasKeys: kb.byAliasKey.size, dictionaryMiB: Math.round(dictionaryMiB), buildMs: Math.round(buildMs),
  stories: stories.length, mentions, storiesPerSecond: Math.round(storiesPerSecond), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));

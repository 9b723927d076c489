import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleCard, EntityDoc } from '../../src/model/documents';
import { searchShardCount, searchShardKey } from '../../src/model/keys';
import { shardOf, type PostingList, type PostingShard } from '../../src/search/index-format';
import type { KvEntry } from './kv-entry';
import type { ArticleLookup } from './article-store';
import { storedList } from './pack-postings';
import {
  averageLengths,
  documentPostings,
  documentTerms,
  TermDictionary,
  type BuiltSearchIndex,
  type DocTerms,
} from './search-index';
import { searchTables, tableEntries } from './search-tables';
import { readSpill, SpillReader, SpillWriter } from './spill-file';

/**
 * The search index built in bounded memory: the same keys and values, byte for byte, as
 * buildSearchIndex (search-index.ts) holds in memory, with what grows with the corpus on disk.
 *
 * Pass 1 computes each article's terms (in document order) and appends them to a spill file;
 * only the term dictionary and three length totals stay in memory. Pass 2 reads them back,
 * computes each posting's impact and appends (term, document, impact) to one of PARTITIONS
 * files by the term's shard: an external sort by shard, a distribution pass of a bucket sort
 * (Knuth, TAOCP vol. 3, 5.2.5), in which each bucket is a contiguous range of shards and
 * postings already arrive in document order. Writing the entries then reads one partition
 * at a time and builds its shards: the heap holds one partition's postings, not the index.
 *
 * Byte identity with the in-memory builder: a shard's object lists its terms in the order
 * they were first appended (JSON.stringify follows property order, integer-like keys first
 * as V8 orders them in any object), so each term remembers its rank of first append.
 */
const PARTITIONS = 64;


function spillDocTerms(out: SpillWriter, doc: DocTerms): void {
  out.push(doc.ids.length);
  for (const id of doc.ids) out.push(id);
  for (const tf of doc.tf) out.push(tf);
  for (const length of doc.lengths) out.push(length);
}

function readDocTerms(input: SpillReader): DocTerms {
  const n = input.next();
  const ids = new Int32Array(n);
  const tf = new Uint16Array(3 * n);
  for (let i = 0; i < n; i++) ids[i] = input.next();
  for (let i = 0; i < 3 * n; i++) tf[i] = input.next();
  return { ids, tf, lengths: [input.next(), input.next(), input.next()] };
}

export function spillSearchIndex(
  newestFirst: ArticleCard[],
  articles: ArticleLookup,
  entities: EntityDoc[],
  dir?: string,
  progress: (line: string) => void = () => {},
): BuiltSearchIndex {
  const cards = [...newestFirst].reverse();
  const spill = mkdtempSync(join(dir ?? tmpdir(), 'search-index-'));
  try {
    const dict = new TermDictionary();
    const docsFile = new SpillWriter(join(spill, 'docs'));
    const totals = [0, 0, 0];
    let done = 0;
    for (const doc of documentTerms(cards, articles, entities, dict)) {
      if (++done % 100_000 === 0) progress(`search terms: ${done} of ${cards.length} articles`);
      spillDocTerms(docsFile, doc);
      doc.lengths.forEach((l, f) => (totals[f]! += l));
    }
    docsFile.close();

    const avg = averageLengths(totals, cards.length);
    const shardCount = searchShardCount(cards.length);
    const partitions = Math.min(PARTITIONS, shardCount);
    const files = Array.from({ length: partitions }, (_, p) => new SpillWriter(join(spill, `postings-${p}`)));
    const shardOfTerm: number[] = [];
    const firstRank: number[] = [];
    let ranks = 0;
    progress(`search postings: ${dict.terms.length} terms`);
    const docs = new SpillReader(docsFile.path);
    cards.forEach((card, docId) =>
      documentPostings(readDocTerms(docs), card, avg, dict, (termId, impact) => {
        if (firstRank[termId] === undefined) {
          firstRank[termId] = ranks++;
          shardOfTerm[termId] = shardOf(dict.terms[termId]!, shardCount);
        }
        const file = files[Math.floor((shardOfTerm[termId]! * partitions) / shardCount)]!;
        file.push(termId);
        file.push(docId);
        file.push(impact);
      }),
    );
    docs.close();
    for (const file of files) file.close();
    rmSync(docsFile.path);

    const tables = searchTables(cards, articles, entities, avg);
    return {
      pointer: tables.pointer,
      *entries(version) {
        for (const file of files) yield* partitionShards(file, dict, shardOfTerm, firstRank, version);
        yield* tableEntries(version, tables);
      },
      dispose: () => rmSync(spill, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(spill, { recursive: true, force: true });
    throw error;
  }
}

/** One partition's shards, in shard order, each listing its terms in order of first append. */
function* partitionShards(file: SpillWriter, dict: TermDictionary, shardOfTerm: number[], firstRank: number[], version: string): Generator<KvEntry> {
  if (statSync(file.path).size === 0) return;
  const records = readSpill(file.path, file.words);
  const lists = new Map<number, { last: number; list: PostingList }>();
  for (let i = 0; i < records.length; i += 3) {
    const [termId, docId, impact] = [records[i]!, records[i + 1]!, records[i + 2]!];
    let entry = lists.get(termId);
    if (!entry) lists.set(termId, (entry = { last: 0, list: [] }));
    entry.list.push(docId - entry.last, impact);
    entry.last = docId;
  }
  const byShard = new Map<number, number[]>();
  for (const termId of lists.keys()) {
    const shard = shardOfTerm[termId]!;
    const terms = byShard.get(shard);
    if (terms) terms.push(termId);
    else byShard.set(shard, [termId]);
  }
  for (const shard of [...byShard.keys()].sort((a, b) => a - b)) {
    const value: PostingShard = {};
    for (const termId of byShard.get(shard)!.sort((a, b) => firstRank[a]! - firstRank[b]!)) value[dict.terms[termId]!] = storedList(lists.get(termId)!.list);
    yield { key: searchShardKey(version, shard), value };
  }
}

import { basename } from 'node:path';
import { dumpItems } from './dump-items';
import { passes, type DumpFilter } from './dump-filter';
import { readSidecar, writeSidecar } from './kb-sidecar';
import { KbUpsert } from './kb-upsert';
import type { ImportType } from './wikidata-entity';

/**
 * `npm run kb:import -- --dump FILE`: a whole Wikidata dump streamed through the filters into
 * data/entities/. Memory holds the KB being built and one line of the dump, never the dump.
 * Every `every` lines the entity files are checked and written and the line reached is saved
 * in .kb-import.json of the data folder: a run stopped at any point resumes (`--resume`) from its last
 * checkpoint, and items already imported are updated in place, not added twice. A checkpoint
 * whose files would not be valid stops the run there with the problems; nothing invalid is
 * written.
 */

export interface DumpOptions {
  languages: string[];
  type?: ImportType;
  today: string;
  filter: DumpFilter;
  resume?: boolean;
  every?: number;
  dryRun?: boolean;
  progress?: (line: string) => void;
}

interface Checkpoint {
  source: string;
  line: number;
  added: number;
  updated: number;
}

const CHECKPOINT_FILE = '.kb-import.json';

export async function importDump(dataDir: string, source: string, options: DumpOptions) {
  const kb = new KbUpsert(dataDir);
  const saved = readSidecar<Checkpoint | null>(dataDir, CHECKPOINT_FILE, null);
  const from = options.resume && saved && saved.source === basename(source) ? saved.line : 0;
  const state: Checkpoint = { source: basename(source), line: from, added: from ? saved!.added : 0, updated: from ? saved!.updated : 0 };
  const notes: string[] = [];
  const errors: string[] = [];
  let read = 0;
  const every = options.every ?? 100_000;
  const checkpoint = () => {
    const problems = kb.check();
    if (problems.length > 0) throw new Error(`line ${state.line}: the entity files would not be valid; nothing written since line ${from}:\n  ${problems.slice(0, 20).join('\n  ')}`);
    if (options.dryRun) return;
    kb.write();
    writeSidecar(dataDir, CHECKPOINT_FILE, state);
  };
  for await (const entry of dumpItems(source, from)) {
    state.line = entry.line;
    read += 1;
    if ('error' in entry) errors.push(`${source}:${entry.line}: ${entry.error}`);
    else if (passes(entry.item, options.filter)) {
      const r = kb.upsert(entry.item, options, notes);
      if (r.error) errors.push(`${source}:${entry.line}: ${r.error}`);
      if (r.added) state.added += 1;
      if (r.updated) state.updated += 1;
    }
    if (read % every === 0) {
      checkpoint();
      options.progress?.(`line ${state.line}: ${state.added} added, ${state.updated} updated, ${errors.length} problem(s); ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
    }
  }
  checkpoint();
  return { ...state, resumedFrom: from, read, notes, errors };
}

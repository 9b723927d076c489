import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The knowledge base's own records beside data/entities: where an entity created from a
 * source's tag came from (`.kb-provenance.json`), and the names waiting for an editor
 * (`.kb-candidates.json`). Dotfiles at the top of the data folder, so the build, which reads
 * every other file there as data, never reads them: candidates are not served.
 */
export const PROVENANCE_FILE = '.kb-provenance.json';
export const CANDIDATES_FILE = '.kb-candidates.json';

export function readSidecar<T>(dataDir: string, file: string, empty: T): T {
  const path = join(dataDir, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : empty;
}

/** Written to a temporary file renamed over the old one: a crash leaves the old file whole. */
export function writeSidecar(dataDir: string, file: string, value: unknown): void {
  const path = join(dataDir, file);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

/** Where an entity created from a source's tag came from. */
export interface Provenance {
  /** The ingest input (file or URL) of the story whose tag created it. */
  source: string;
  firstSeen: string;
  /** Every identifier the tag gave: Wikidata URIs, the publisher's own URI. */
  ids: string[];
  /** "ninjs people", "JSON-LD about"...: what kind of tag it was. */
  tag: string;
}

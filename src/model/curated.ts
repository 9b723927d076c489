/**
 * Curated lists (data/curated/<name>.json, kept by editors): one KV value per file,
 * `v:<ver>:q:<name>` (src/model/keys.ts), mapping each entry (a section key, or `home`) to its
 * article slugs in the editor's order. A list is addressed as `<name>:<entry>` (`top-stories:world`).
 */
export interface CuratedDoc {
  name: string;
  lists: Record<string, string[]>;
}

/** Articles a curated list holds at most. */
export const CURATED_MAX = 50;

/** The file that keeps a section's top stories: `Section.topStories` reads its entry for the section. */
export const TOP_STORIES = 'top-stories';

/** `top-stories:world` -> the file's name and the entry; null for a key without both. */
export function splitCuratedKey(key: string): { name: string; entry: string } | null {
  const colon = key.indexOf(':');
  if (colon < 1 || colon === key.length - 1) return null;
  return { name: key.slice(0, colon).trim(), entry: key.slice(colon + 1) };
}

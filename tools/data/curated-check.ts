import type { CuratedDoc } from '../../src/model/curated';
import { unknownCuratedSlugs, type CuratedFile } from './curated-file-format';
import type { Problem } from './problems';

/**
 * The curated files of a build as stored (src/model/curated.ts), once every slug names an
 * article of the version (`known`); else every unknown slug with its file and line.
 */
export function curatedDocs(files: readonly CuratedFile[], known: ReadonlySet<string> | ((slug: string) => boolean)): { docs: CuratedDoc[] } | { problems: Problem[] } {
  const has = typeof known === 'function' ? known : (slug: string) => known.has(slug);
  const problems = files.flatMap((f) => unknownCuratedSlugs(f, has));
  if (problems.length > 0) return { problems };
  return { docs: files.map((f) => ({ name: f.name, lists: f.lists })) };
}

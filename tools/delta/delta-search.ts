import type { ArticleDoc, EntityDoc } from '../../src/model/documents';
import { linkedSlugs } from '../../src/model/entity-kinds';
import { versionPrefix } from '../../src/model/keys';
import type { PreviousVersion } from './previous-version';
import { searchDelta, type SearchDelta } from './search-delta';

/**
 * The search keys of a publish, from the search half (tools/delta/search-delta.ts), written
 * under the placeholder version `*` like the rest of the delta (tools/delta/incremental.ts).
 * Its reads of the current version go through the version's generations (previous-version.ts).
 */
export async function searchKeys(
  previous: PreviousVersion,
  changed: { added: ArticleDoc[]; corrected: ArticleDoc[]; removed: string[] },
  before: Array<ArticleDoc | null>,
): Promise<SearchDelta> {
  const prefix = versionPrefix(previous.pointer.version);
  const linked = new Set([...changed.added, ...changed.corrected, ...before.filter((d): d is ArticleDoc => !!d)].flatMap(linkedSlugs));
  const entities = await previous.read<EntityDoc>([...linked].map((slug) => `e:${slug}`));
  return searchDelta({
    async read(keys) {
      const values = await previous.read(keys.map((k) => k.slice(prefix.length)));
      return new Map(keys.flatMap((k) => (values.get(k.slice(prefix.length)) != null ? [[k, values.get(k.slice(prefix.length))]] : [])));
    },
    current: previous.pointer,
    version: '*',
    ...changed,
    entities: new Map([...entities.values()].flatMap((e) => (e ? [[e.slug, e] as const] : []))),
  });
}

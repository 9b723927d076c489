import type { ArticleCard } from '../../src/model/documents';
import { authorSlug } from '../../src/model/author-identity';
import { authorRecords, type AuthorRecord } from '../../src/model/author-record';
import { lists } from '../../src/model/keys';
import { sortInList } from '../../src/model/sort-key';
import { NEWEST_FIRST } from '../compile/article-lists';
import type { ListsAfter } from './delta-lists';
import type { PreviousVersion } from './previous-version';

/**
 * The author records of a publish (`w:<slug>`, src/model/author-record.ts): each author of a
 * published story gets the new bylines folded onto its stored record (a new author a record of
 * its own); an author whose list the publish empties loses its record. Only records that change
 * are written.
 */
export async function authorsDelta(
  previous: PreviousVersion,
  removed: readonly ArticleCard[],
  added: readonly ArticleCard[],
  after: Pick<ListsAfter, 'total'>,
): Promise<{ put: Map<string, AuthorRecord>; deleted: string[] }> {
  const touched = [...new Set([...removed, ...added].flatMap((c) => (c.authors ?? []).map(authorSlug)))];
  const put = new Map<string, AuthorRecord>();
  const deleted: string[] = [];
  if (touched.length === 0) return { put, deleted };
  const stored = await previous.read<AuthorRecord>(touched.map((slug) => `w:${slug}`));
  const start = new Map(touched.flatMap((slug) => (stored.get(`w:${slug}`) ? [[slug, stored.get(`w:${slug}`)!] as const] : [])));
  const next = authorRecords(sortInList(NEWEST_FIRST, [...added]), start);
  for (const slug of touched) {
    if (after.total(lists.articlesBy(slug)) === 0) {
      if (start.has(slug)) deleted.push(`w:${slug}`);
    } else if (JSON.stringify(next.get(slug)) !== JSON.stringify(start.get(slug))) put.set(`w:${slug}`, next.get(slug)!);
  }
  return { put, deleted };
}

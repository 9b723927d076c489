import type { ChangeTuple } from '../../src/model/changes';
import { movesOf, type ListMove } from '../../src/model/list-moves';
import type { ArticleCard, ArticleDoc, EntityType } from '../../src/model/documents';
import { cursorKeyOf } from '../../src/model/sort-key';
import { utf8Length } from '../../src/text/utf8-length';
import { buildKnowledgeBase, kbEntities } from '../linking/knowledge-base';
import { articleCard, articleListOrder, articleListsOf, memberOf } from '../compile/article-lists';
import { articleUrlsOf } from '../compile/article-urls';
import { adjustListing, type TopicListing } from '../../src/model/topic-listing';
import { checkedBuild, type BuildOptions, type BuildResult } from '../compile/build-data-set';
import { editLists, type ListEdits } from './delta-lists';
import { authorsDelta } from './delta-authors';
import { curatedDocs } from '../data/curated-check';
import { relatedDelta } from './delta-related';
import { searchKeys } from './delta-search';
import type { TooLarge } from '../compile/compile';
import { kvLimitProblems } from '../compile/kv-limits';
import type { DeltaToPublish } from './publish-delta';
import type { PreviousVersion } from './previous-version';
import type { Problem } from '../data/problems';
import type { SourceFile } from '../data/read-data-set';
import { toArticleDoc } from '../compile/to-documents';
import { entityIndex } from '../data/validate-links';

/**
 * An incremental publish: the keys of a new data version that differ from the
 * previous one, computed from the changed articles and the few keys of the previous version
 * they touch, never from the corpus. Unchanged keys stay where they are (the storage layer's
 * `publishDelta` keeps them readable under the new version).
 *
 * Per changed article it writes: the article, one or two leaves (tools/delta/list-update.ts)
 * plus the head (and a long list's index) of each list the article was or is in, its related
 * stories, the related lists around it that carry its card (tools/delta/delta-related.ts), the
 * records of its authors (tools/delta/delta-authors.ts);
 * publishDelta (tools/delta/publish-delta.ts) adds the change lists of delta sync from `changes`.
 */
export interface Delta extends DeltaToPublish {
  summary: { upserted: number; withdrawn: number; keys: number; bytes: number; reads: number };
}

/** `files`: data/entities/* and the new or corrected articles; `withdrawn`: slugs taken down. */
export function buildDelta(
  previous: PreviousVersion,
  files: SourceFile[],
  withdrawn: string[],
  options: BuildOptions,
): Promise<BuildResult<Delta>> {
  return checkedBuild(files, options, async (dataSet, builtAt, hash): Promise<Delta | TooLarge> => {
    const index = entityIndex(dataSet);
    const typeOf = (slug: string): EntityType => index.get(slug)!.type;
    const kb = buildKnowledgeBase(kbEntities(dataSet));
    const docs = dataSet.articles.map((f) => toArticleDoc(f, kb, typeOf));
    const slugs = [...docs.map((d) => d.slug), ...withdrawn];
    const old = await previous.read<ArticleDoc>(slugs.map((s) => `a:${s}`));
    const oldOf = (slug: string) => old.get(`a:${slug}`) ?? null;

    const values = new Map<string, unknown>();
    const deleted: string[] = [];
    const edits = new Map<string, ListEdits>();
    const edit = (list: string) => edits.get(list) ?? edits.set(list, { order: articleListOrder(list), remove: [], removeKeys: [], add: [] }).get(list)!;
    const changes: ChangeTuple[] = [];
    const moves: ListMove[] = [];
    const upserts: ArticleCard[] = [];
    const patched = new Map<string, ArticleCard | null>();
    const placedBy = new Map<string, ArticleCard>();
    let count = previous.pointer.articleCount;
    const removedCards: ArticleCard[] = [];
    const addedCards: ArticleCard[] = [];
    const move = (before: ArticleCard | null, after: ArticleCard | null) => {
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      if (before) removedCards.push(before);
      if (after) addedCards.push(after);
      for (const list of before ? articleListsOf(before) : []) {
        edit(list).remove.push(before!.slug);
        edit(list).removeKeys.push(cursorKeyOf(before!, edit(list).order));
      }
      for (const list of after ? articleListsOf(after) : []) edit(list).add.push(after!);
      moves.push(...movesOf((after ?? before)!.slug, memberOf(before), memberOf(after)));
      if (after) upserts.push(after);
      if (before) {
        patched.set(before.slug, after);
        placedBy.set(before.slug, after ?? before);
      }
    };
    const search = { added: [] as ArticleDoc[], corrected: [] as ArticleDoc[], removed: [] as string[] };
    for (const doc of docs) {
      const was = oldOf(doc.slug);
      if (JSON.stringify(was) === JSON.stringify(doc)) continue;
      (was ? search.corrected : search.added).push(doc);
      values.set(`a:${doc.slug}`, doc);
      changes.push(['Article', doc.slug, 'UPSERTED']);
      if (!was) count++;
      move(was && articleCard(was), articleCard(doc));
    }
    for (const slug of new Set(withdrawn)) {
      const was = oldOf(slug);
      if (!was || docs.some((d) => d.slug === slug)) continue;
      search.removed.push(slug);
      deleted.push(`a:${slug}`, `r:${slug}`);
      changes.push(['Article', slug, 'REMOVED']);
      count--;
      move(articleCard(was), null);
    }

    await moveUrls(previous, docs, old, withdrawn, values, deleted);
    // A curated file in the publish replaces its stored lists; its slugs must name articles of the new version.
    const curatedSlugs = [...new Set(dataSet.curated.flatMap((f) => Object.values(f.lists).flat()))].filter((s) => !docs.some((d) => d.slug === s));
    const stillThere = await previous.read<ArticleDoc>(curatedSlugs.map((s) => `a:${s}`));
    const taken = new Set(withdrawn);
    const curated = curatedDocs(dataSet.curated, (s) => docs.some((d) => d.slug === s) || (!taken.has(s) && stillThere.get(`a:${s}`) != null));
    if ('problems' in curated) return curated;
    for (const doc of curated.docs) values.set(`q:${doc.name}`, doc);
    if (removedCards.length + addedCards.length > 0) {
      const listings = await previous.read<TopicListing>(['k:sections', 'k:subjects']);
      // Written only when the publish changes it: most stories keep their section and subjects.
      for (const kind of ['sections', 'subjects'] as const) {
        const was = listings.get(`k:${kind}`) ?? null;
        const next = adjustListing(was, removedCards, addedCards, kind);
        if (JSON.stringify(next) !== JSON.stringify(was)) values.set(`k:${kind}`, next);
      }
    }
    const after = await editLists('*', previous, edits);
    for (const e of after.entries) values.set(e.key.slice('v:*:'.length), e.value);
    deleted.push(...after.deleted.map((k) => k.slice('v:*:'.length)));
    const authors = await authorsDelta(previous, removedCards, addedCards, after);
    for (const [key, record] of authors.put) values.set(key, record);
    deleted.push(...authors.deleted);
    const readRelated = (s: string[]) => previous.read<ArticleCard[]>(s.map((slug) => `r:${slug}`)).then((m) => new Map(s.map((slug) => [slug, m.get(`r:${slug}`) ?? null])));
    const related = await relatedDelta({ upserts, patched, placedBy }, after, count, readRelated);
    for (const [slug, cards] of related.values) values.set(`r:${slug}`, cards);
    deleted.push(...related.deleted.map((slug) => `r:${slug}`));
    const searched = await searchKeys(previous, search, [...old.values()]);
    for (const e of searched.put) values.set(e.key.slice('v:*:'.length), e.value);
    deleted.push(...searched.delete.map((k) => k.slice('v:*:'.length)));

    // The version id: the parent and what changed, hashed (data version ids are hex digests).
    const lines: string[] = [];
    const stored = new Map<string, string>();
    const problems: Problem[] = [];
    for (const [key, value] of values) {
      const json = JSON.stringify(value);
      stored.set(key, json);
      lines.push(`${key}\t${await hash(json)}`);
      problems.push(...kvLimitProblems(`v:*:${key}`, utf8Length(json), () => ({ file: `(publish of ${slugs.length} article(s))`, path: key })));
    }
    if (problems.length > 0) return { problems };
    const gone = [...new Set(deleted)].filter((k) => !values.has(k)).sort();
    const version = (await hash([previous.pointer.version, ...lines.sort(), ...gone.map((k) => `-\t${k}`)].join('\n'))).slice(0, 12);
    const { base: _base, chain: _chain, ...fields } = previous.pointer;
    const entries = [...stored].map(([key, value]) => ({ key: `v:${version}:${key}`, value }));
    return {
      parent: previous.pointer.version,
      pointer: { ...fields, version, builtAt, articleCount: count, search: searched.search },
      entries,
      deleted: gone,
      changes,
      moves,
      summary: {
        upserted: upserts.length,
        withdrawn: changes.filter((c) => c[2] === 'REMOVED').length,
        keys: entries.length,
        bytes: entries.reduce((n, e) => n + utf8Length(e.key) + utf8Length(e.value), 0),
        reads: previous.readCount(),
      },
    };
  });
}

const allUrls = (doc: ArticleDoc | null | undefined): string[] => {
  if (!doc) return [];
  const { canonical, alternate } = articleUrlsOf(doc);
  return [...canonical, ...alternate];
};

/**
 * The URL keys of a publish (`u:<url>`, tools/compile/article-urls.ts): each published article's
 * URLs hold its new copy (the newer publish wins a URL another story claimed); a URL an article no
 * longer has, or a withdrawn article's, is dropped where it still leads to that article.
 */
async function moveUrls(
  previous: PreviousVersion,
  docs: readonly ArticleDoc[],
  old: ReadonlyMap<string, ArticleDoc | null>,
  withdrawn: readonly string[],
  values: Map<string, unknown>,
  deleted: string[],
): Promise<void> {
  const published = new Set(docs.map((d) => d.slug));
  const gone = new Map<string, string>();
  for (const doc of docs) {
    const kept = new Set(allUrls(doc));
    for (const url of kept) values.set(`u:${url}`, doc);
    for (const url of allUrls(old.get(`a:${doc.slug}`))) if (!kept.has(url)) gone.set(url, doc.slug);
  }
  for (const slug of withdrawn) if (!published.has(slug)) for (const url of allUrls(old.get(`a:${slug}`))) gone.set(url, slug);
  for (const url of gone.keys()) if (values.has(`u:${url}`)) gone.delete(url);
  const stored = await previous.read<ArticleDoc>([...gone.keys()].map((url) => `u:${url}`));
  for (const [url, slug] of gone) if (stored.get(`u:${url}`)?.slug === slug) deleted.push(`u:${url}`);
}

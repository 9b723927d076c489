/**
 * The desk: each action of the day's plan (day-plan.ts) published the way a newsroom
 * publishes, into the KV the bench's worker reads: stories added, corrected and withdrawn
 * through `npm run ingest -- --publish`'s path (tools/delta/publish-changes.ts), an entity
 * renamed as a delta of its own (tools/delta/rename-entity.ts).
 */
import { createHash } from 'node:crypto';
import type { VersionPointer } from '../../src/model/documents';
import { POINTER_KEY } from '../../src/model/keys';
import type { SourceFile } from '../../tools/data/read-data-set';
import { readSourceFiles } from '../../tools/data/source-files';
import { publishChanges } from '../../tools/delta/publish-changes';
import { publishDelta, type DeltaOptions } from '../../tools/delta/publish-delta';
import { renameEntityDelta } from '../../tools/delta/rename-entity';
import { generateArticle } from '../../tools/fixtures/corpus';
import type { KvWriter } from '../../tools/publish/kv-writer';
import type { DeskAction } from './day-plan';

export interface Published {
  version: string;
  keysWritten: number;
  /** Bytes of those keys' values. */
  bytesWritten: number;
  compacted: boolean;
  /** The chain was folded into level 1 (src/model/level-one.ts). */
  folded?: boolean;
  /** Building and writing the delta, pointer switch included. */
  ms: number;
}

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');
export const storySlug = (story: number) => `generated-${String(story).padStart(6, '0')}`;

/**
 * Story `story` as the desk files it: a generated article, in the lists (not marked generated),
 * published at `publishedAt` (a corpus story keeps its own date), corrected at `modifiedAt`.
 */
export function deskStory(story: number, publishedAt?: string, modifiedAt?: string) {
  const { generated: _g, ...article } = JSON.parse(generateArticle(story).text) as Record<string, unknown> & { paragraphs: string[] };
  const filed = { ...article, ...(publishedAt && { datePublished: publishedAt }) };
  const corrected = modifiedAt ? { paragraphs: [...article.paragraphs, `Correction (${modifiedAt}): an earlier version of this story misstated a figure.`], dateModified: modifiedAt } : {};
  return { path: `articles/${storySlug(story)}.json`, text: JSON.stringify({ ...filed, ...corrected }) };
}

/** The entity files every publish sends: read once a run (the desk does not edit them). */
let entityFiles: SourceFile[] | undefined;

/**
 * `publishedAt`: when each story added this day went out (a correction keeps it). `options`:
 * the publish's own (the sync log's clock, say, so a step is dated by the day's time).
 */
export async function publishAction(kv: KvWriter, action: DeskAction, renames: number, publishedAt: Map<number, string>, options: DeltaOptions = {}): Promise<Published> {
  const started = performance.now();
  if (action.kind === 'rename') {
    const current = JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!) as VersionPointer;
    const version = (await sha256(`${current.version} rename ${action.at}`)).slice(0, 16);
    const spelling = renames % 2 === 0 ? 'Kim Jong-un' : 'Kim Jong Un';
    const delta = await renameEntityDelta(kv, current, { type: 'Person', slug: 'kim-jong-un', list: 'people' }, { language: 'en', value: spelling }, version, action.at);
    const done = await publishDelta(kv, delta, () => {}, options);
    return { version, keysWritten: done.keysWritten, bytesWritten: done.bytesWritten, compacted: done.compacted, folded: done.folded, ms: performance.now() - started };
  }
  entityFiles ??= readSourceFiles('data', 'entities');
  const files: SourceFile[] = [...entityFiles];
  if (action.kind === 'add') publishedAt.set(action.story, action.at);
  if (action.kind !== 'withdraw') files.push(deskStory(action.story, publishedAt.get(action.story), action.kind === 'correct' ? action.at : undefined));
  const withdrawn = action.kind === 'withdraw' ? [storySlug(action.story)] : [];
  const done = await publishChanges(kv, files, withdrawn, { builtAt: action.at, hash: sha256 }, () => {}, options);
  if (done.mode !== 'incremental') throw new Error('nothing published to build the day on');
  return { version: done.delta.pointer.version, keysWritten: done.published.keysWritten, bytesWritten: done.published.bytesWritten, compacted: done.published.compacted, folded: done.published.folded, ms: performance.now() - started };
}

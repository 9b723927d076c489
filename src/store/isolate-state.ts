import type { VersionPointer } from '../model/documents';
import type { ChainIndex } from '../model/generations';
import type { LevelOne } from '../model/level-one';
import { DEFAULT_CACHE_BUDGETS, type CacheBudgets } from './cache-budgets';
import { KeptAnswers } from './kept-answers';
import { LruCache } from './lru-cache';

export type { KeptAnswer } from './kept-answers';

/**
 * What outlives a request: one per isolate. Both caches are bounded by the heap bytes their
 * entries retain (docs/memory.md), under the budgets of wrangler.toml.
 */
export class IsolateState {
  pointer?: { value: VersionPointer; checkedAt: number };
  /** The level-1 index the pointer names, kept while later pointers name the same one. */
  levelOne?: { version: string; value: LevelOne };
  /** The chain of the version the current base was compacted from (read-pointer.ts followLineage). */
  parentChain?: ChainIndex;
  /** KV values as readers use them: parsed documents, decoded posting shards (codecs.ts). */
  readonly documents: LruCache<unknown>;
  /** Serialized answers of repeated requests (src/plugins/use-response-memo.ts). */
  readonly responses: KeptAnswers;
  /** GET /updates streams this isolate holds open (src/front/updates.ts bounds them). */
  openStreams = 0;

  constructor(readonly budgets: CacheBudgets = DEFAULT_CACHE_BUDGETS) {
    this.documents = new LruCache(budgets.documentBytes);
    this.responses = new KeptAnswers(budgets.responseBytes);
  }
}

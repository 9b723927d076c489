import { describe, expect, it } from 'vitest';
import { stillHolds, ReadLog } from './answer-reads';
import type { VersionPointer } from './documents';
import { attachLevelOne, ChainIndex, chainIndex, encodeMembership, keyHash } from './generations';
import { collidingKeys } from '../../tools/fixtures/colliding-keys';
import { foldLevelOne, generationsToCheck, LevelOne, type FoldedGeneration } from './level-one';

/** Folds chains (each newest first) one after another, as publishes would, with every manifest at hand. */
function foldAll(...chains: FoldedGeneration[][]): LevelOne {
  const manifests = new Map(chains.flat().map((g) => [g.version, g.keys]));
  return chains.reduce<LevelOne | null>((old, chain) => {
    const check = generationsToCheck(old, chain);
    return foldLevelOne(old, chain, new Map(check.map((g) => [g, manifests.get(g)!])));
  }, null)!;
}

const pointerOn = (level: LevelOne, chain: Array<[string, string[]]> = []): VersionPointer => {
  const pointer: VersionPointer = {
    version: chain[0]?.[0] ?? level.generations[0]!,
    builtAt: '2026-01-01T00:00:00Z',
    articleCount: 1,
    entityCount: 1,
    base: 'b0',
    ...(chain.length > 0 && { chain: chain.map(([version, keys]) => ({ version, keys: encodeMembership(keys) })) }),
    level1: { version: level.generations[0]!, entries: level.hashes.length, generations: level.generations.length },
  };
  attachLevelOne(pointer, level);
  return pointer;
};

describe('level 1', () => {
  const level = foldAll(
    [{ version: 'd2', keys: ['a:x', 'h:feed'] }, { version: 'd1', keys: ['a:x', 'a:y', 'h:feed'] }],
    [{ version: 'd4', keys: ['h:feed'] }, { version: 'd3', keys: ['a:z'] }],
  );

  it('holds each key written since the base once, with its last writer; round-trips through its stored form', () => {
    expect(level.generations).toEqual(['d4', 'd3', 'd2', 'd1']);
    expect(level.hashes.length).toBe(4);
    expect(level.holders(keyHash('h:feed'))).toEqual(['d4']);
    expect(level.holders(keyHash('a:x'))).toEqual(['d2']);
    expect(level.holders(keyHash('e:never'))).toEqual([]);
    const back = LevelOne.decode(level.encode());
    expect([...back.hashes]).toEqual([...level.hashes]);
    expect([...back.owners]).toEqual([...level.owners]);
    expect(() => LevelOne.decode(JSON.stringify({ generations: [], hashes: level.encode(), owners: '' }))).toThrow();
  });

  it('resolves a key through the chain, then level 1, then the base', () => {
    const index = new ChainIndex(pointerOn(level, [['d5', ['a:y']]]), level);
    expect(index.candidates('v:d5:a:y')).toEqual(['v:d5:a:y', 'v:d1:a:y', 'v:b0:a:y']);
    expect(index.candidates('v:d5:h:feed')).toEqual(['v:d4:h:feed', 'v:b0:h:feed']);
    expect(index.candidates('v:d5:e:q')).toEqual(['v:b0:e:q']);
    expect(index.order).toEqual(['d5', 'd4', 'd3', 'd2', 'd1', 'b0']);
  });

  it('keeps two keys of one hash apart: an entry goes only when its own key was written again', () => {
    const [k1, k2] = collidingKeys();
    const twice = foldAll([{ version: 'd2', keys: [k2] }, { version: 'd1', keys: [k1] }]);
    expect(twice.holders(keyHash(k1))).toEqual(['d2', 'd1']);
    const again = foldAll([{ version: 'd2', keys: [k2] }, { version: 'd1', keys: [k1] }], [{ version: 'd3', keys: [k1] }]);
    expect(again.holders(keyHash(k1))).toEqual(['d3', 'd2']);
    // Without the old generation's manifest nothing proves the key the same: the entry stays.
    expect(foldLevelOne(twice, [{ version: 'd3', keys: [k1] }], new Map()).holders(keyHash(k1))).toEqual(['d3', 'd2', 'd1']);
  });

  it('says exactly what was written after a folded version: a kept answer holds unless one of its keys was', () => {
    const p = pointerOn(level, [['d5', ['a:y']]]);
    const reads = (version: string, keys: string[]) => {
      const log = new ReadLog();
      for (const k of keys) log.key(`v:${version}:${k}`, version);
      return log.done(version);
    };
    // a:x was last written by d2: an answer of d2 or later holds, one of d1 does not.
    expect(stillHolds(reads('d2', ['a:x', 'a:z']), p)).toBe(false); // a:z by d3
    expect(stillHolds(reads('d3', ['a:x', 'a:z']), p)).toBe(true);
    expect(stillHolds(reads('d1', ['a:x']), p)).toBe(false);
    expect(stillHolds(reads('d3', ['h:feed']), p)).toBe(false); // d4
    expect(stillHolds(reads('d4', ['a:y']), p)).toBe(false); // the chain's d5
    expect(stillHolds(reads('b0', ['e:q']), p)).toBe(true);
    expect(stillHolds(reads('other', ['e:q']), p)).toBe(false);
    expect(chainIndex(p).writtenSince('b0')!.reduce((n, s) => n + s.length, 0)).toBe(1 + 4);
  });

  it('refuses to decode a pointer whose level 1 was not read with it', () => {
    const { level1 } = pointerOn(level);
    expect(() => chainIndex({ version: 'x', builtAt: '', articleCount: 0, entityCount: 0, base: 'b0', level1 })).toThrow(/level-1 index/);
  });
});

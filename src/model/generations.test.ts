import { describe, expect, it } from 'vitest';
import type { VersionPointer } from './documents';
import { ChainIndex, decodeMembership, encodeMembership, keyHash, MAX_CHAIN_KEYS, MAX_DELTA_GENERATIONS, splitKey } from './generations';

const pointer = (chain: Array<[string, string[]]>): VersionPointer => ({
  version: chain[0]![0],
  builtAt: '2026-01-01T00:00:00Z',
  articleCount: 1,
  entityCount: 1,
  base: 'b0',
  chain: chain.map(([version, keys]) => ({ version, keys: encodeMembership(keys) })),
});

describe('generations', () => {
  it('round-trips a membership set as sorted unique hashes', () => {
    const keys = ['a:x', 'l:articles:1', 'l:articles:2', 'a:x'];
    expect([...decodeMembership(encodeMembership(keys))]).toEqual([...new Set(keys.map(keyHash))].sort((a, b) => a - b));
  });

  it('resolves a key to the newest generation holding it, then the base', () => {
    const index = new ChainIndex(pointer([['d2', ['a:x']], ['d1', ['a:x', 'a:y']]]));
    expect(index.candidates('v:d2:a:x')).toEqual(['v:d2:a:x', 'v:d1:a:x', 'v:b0:a:x']);
    expect(index.candidates('v:d2:a:y')).toEqual(['v:d1:a:y', 'v:b0:a:y']);
    expect(index.candidates('v:d2:e:z')).toEqual(['v:b0:e:z']);
    // Keys of another version, version-local keys and the pointer are read as asked.
    for (const key of ['v:d1:a:x', 'v:d2:c:d1:0', 'v:d2:m', 'current']) expect(index.candidates(key)).toEqual([key]);
    expect(splitKey('v:d2:l:a:b:0')).toEqual({ version: 'd2', logical: 'l:a:b:0' });
  });

  it(`keeps the pointer under 68 KiB at the chain bound (${MAX_DELTA_GENERATIONS} generations, ${MAX_CHAIN_KEYS} keys)`, () => {
    const per = MAX_CHAIN_KEYS / MAX_DELTA_GENERATIONS;
    const chain = Array.from({ length: MAX_DELTA_GENERATIONS }, (_, g): [string, string[]] => [
      `${g}`.padStart(12, 'f'),
      Array.from({ length: per }, (_, i) => `s:p:${g * per + i}`),
    ]);
    const text = JSON.stringify(pointer(chain));
    expect(new ChainIndex(JSON.parse(text) as VersionPointer).hashCount).toBe(MAX_CHAIN_KEYS);
    expect(text.length).toBeLessThan(68 * 1024);
    expect(text.length).toBeGreaterThan(64 * 1024);
  });
});

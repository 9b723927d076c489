import { describe, expect, it } from 'vitest';
import { diffManifests } from './changes';

describe('delta sync manifests', () => {
  it('diffs two versions into UPSERTED and REMOVED, sorted by id', () => {
    const before = { 'Article:a': '1', 'Article:b': '2', 'Person:p': '3' };
    const after = { 'Article:a': '1', 'Article:b': '9', 'Article:c': '4' };
    expect(diffManifests(before, after)).toEqual([
      ['Article', 'b', 'UPSERTED'],
      ['Article', 'c', 'UPSERTED'],
      ['Person', 'p', 'REMOVED'],
    ]);
    expect(diffManifests(after, after)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { chunkChanges, diffManifests } from './changes';

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

  it('chunks a list, storing an empty list as one empty chunk', () => {
    expect(chunkChanges([], 100)).toEqual([{ total: 0, items: [] }]);
    const changes = diffManifests({}, Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`Article:${i}`, 'h'])));
    expect(chunkChanges(changes, 2).map((c) => [c.total, c.items.length])).toEqual([[5, 2], [5, 2], [5, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache bounded by bytes', () => {
  it('evicts the least recently used entries once the byte budget is exceeded', () => {
    const cache = new LruCache<string>(10);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C', 4);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.size).toEqual({ entries: 2, bytes: 8 });
  });

  it('never keeps a value larger than the whole budget, and replaces by key', () => {
    const cache = new LruCache<string>(10);
    cache.set('big', 'x', 11);
    expect(cache.has('big')).toBe(false);
    cache.set('k', 'v1', 3);
    cache.set('k', 'v2', 5);
    expect(cache.get('k')).toBe('v2');
    expect(cache.size).toEqual({ entries: 1, bytes: 5 });
  });
});

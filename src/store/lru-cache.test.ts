import { describe, expect, it } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, LruCache } from './lru-cache';
import { stringBytes } from './string-bytes';

/** What one entry of a one-letter key costs beside its value. */
const PER_ENTRY = stringBytes('a') + ENTRY_OVERHEAD_BYTES;

describe('LruCache bounded by bytes', () => {
  it('evicts the least recently used entries once the byte budget is exceeded', () => {
    const cache = new LruCache<string>(2 * (PER_ENTRY + 4) + 3);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C', 4);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 2 * (PER_ENTRY + 4), evictions: 1 });
  });

  it('never keeps a value larger than the whole budget, and replaces by key', () => {
    const cache = new LruCache<string>(PER_ENTRY + 10);
    cache.set('b', 'x', 11);
    expect(cache.has('b')).toBe(false);
    cache.set('k', 'v1', 3);
    cache.set('k', 'v2', 5);
    expect(cache.get('k')).toBe('v2');
    expect(cache.stats).toEqual({ entries: 1, bytes: PER_ENTRY + 5, maxBytes: PER_ENTRY + 10, evictions: 0, refused: 1 });
  });
});

describe('stringBytes', () => {
  it('counts one byte a character for Latin-1 text and two once any character is not', () => {
    expect(stringBytes('abcd') - stringBytes('')).toBe(4);
    expect(stringBytes('café') - stringBytes('')).toBe(4);
    expect(stringBytes('abcकि') - stringBytes('')).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../data/input-limits';
import { kvLimitProblems } from './kv-limits';

/** The data format keeps keys short (slugs, language tags); this is the guard behind it. */
const source = () => ({ file: 'articles/x.json', path: '/' });

describe('kvLimitProblems', () => {
  it('passes a key of exactly 512 bytes and a value of exactly 25 MiB', () => {
    expect(kvLimitProblems('k'.repeat(INPUT_LIMITS.kvKeyBytes), INPUT_LIMITS.kvValueBytes, source)).toEqual([]);
  });

  it('counts a key in UTF-8 bytes: 165 Devanagari letters after a 20-byte prefix are 515', () => {
    const key = `v:*:h:articles@lang:${'क'.repeat(165)}`;
    expect(kvLimitProblems(key.slice(0, -1), 10, source)).toEqual([]);
    const problems = kvLimitProblems(key, 10, source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'articles/x.json', path: '/' });
    expect(problems[0]!.message).toMatch(/^gives the KV key "v:<version>:h:articles@lang:क+…" of 515 bytes; a KV key is at most 512 bytes$/);
  });

  it('names the document and its size for a value one byte over', () => {
    const problems = kvLimitProblems('v:*:a:x', INPUT_LIMITS.kvValueBytes + 1, source);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      'is 26,214,401 bytes (25.0 MiB) as stored (KV key v:<version>:a:x); a KV value is at most 26,214,400 bytes (25 MiB): ' +
        'shorten it or split it into several articles',
    );
  });
});

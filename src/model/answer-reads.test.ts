import { describe, expect, it } from 'vitest';
import { decodeReads, encodeReads, MAX_ANSWER_KEYS, ReadLog, searchFacet, stillHolds } from './answer-reads';
import { cacheTagHeader, purgeTags, tagOf } from './cache-tags';
import type { VersionPointer } from './documents';
import { encodeMembership } from './generations';

const base: VersionPointer = { version: 'b0', builtAt: '2026-01-01T00:00:00Z', articleCount: 10, entityCount: 3 };
/** A delta chain on `base`: each step writes the logical keys given, newest last. */
function chainOf(steps: Array<[string, string[]]>, from: VersionPointer = base): VersionPointer {
  const chain = steps.map(([version, keys]) => ({ version, keys: encodeMembership(keys) })).reverse();
  return { ...from, version: steps.at(-1)![0], base: from.version, chain, ...(from.baseParent && { baseParent: from.baseParent }) };
}
function readsOf(version: string, keys: string[], pointer: VersionPointer = base) {
  const log = new ReadLog();
  for (const k of keys) log.key(`v:${version}:${k}`, version);
  return { log, reads: () => log.done(version), pointer };
}

describe('kept answers across versions', () => {
  it('holds at a later version when no generation since wrote a key it read, and not when one did', () => {
    const { reads } = readsOf('b0', ['a:one', 'e:kim', 'h:articles@Person:kim']);
    const p = chainOf([['d1', ['a:two', 'h:articles']], ['d2', ['e:putin']]]);
    expect(stillHolds(reads(), p)).toBe(true);
    expect(stillHolds(reads(), chainOf([['d1', ['a:two']], ['d2', ['e:kim']]]))).toBe(false);
    // Checked from the version it was last found to hold at: only the generations after it count.
    expect(stillHolds({ ...reads(), version: 'd1' }, chainOf([['d1', ['e:kim']], ['d2', ['a:two']]]))).toBe(true);
  });

  it('an answer that used a prefix of a list leaf depends on that range; read whole as well, on the leaf', () => {
    const log = new ReadLog();
    log.key('v:b0:l:articles:0', 'b0', 20);
    log.key('v:b0:l:articles:0', 'b0', 5);
    const prefix = log.done('b0');
    // A publish that rewrote the leaf past place 20 names #50 and #100 only (src/model/list-ranges.ts).
    expect(stillHolds(prefix, chainOf([['d1', ['l:articles:0', 'l:articles:0#50', 'l:articles:0#100']]]))).toBe(true);
    expect(stillHolds(prefix, chainOf([['d1', ['l:articles:0', 'l:articles:0#20', 'l:articles:0#50', 'l:articles:0#100']]]))).toBe(false);
    expect(prefix.tags).toEqual(['l.articles']);
    log.key('v:b0:l:articles:0', 'b0');
    expect(stillHolds(log.done('b0'), chainOf([['d1', ['l:articles:0', 'l:articles:0#50', 'l:articles:0#100']]]))).toBe(false);
  });

  it('a key read as absent that a publish adds affects the answer', () => {
    const { reads } = readsOf('b0', ['a:not-yet']);
    expect(stillHolds(reads(), chainOf([['d1', ['a:not-yet']]]))).toBe(false);
  });

  it('never holds outside the pointer lineage: a full build, a rollback, an unknown version', () => {
    const { reads } = readsOf('b0', ['a:one']);
    expect(stillHolds(reads(), { ...base, version: 'f1' })).toBe(false);
    expect(stillHolds({ ...reads(), version: 'd2' }, chainOf([['d1', ['a:two']]]))).toBe(false);
  });

  it('crosses a compaction through the base parent step only', () => {
    const { reads } = readsOf('d1', ['a:one']);
    const compacted: VersionPointer = { ...base, version: 'b1', baseParent: { version: 'd1', keys: encodeMembership(['a:two']) } };
    expect(stillHolds(reads(), compacted)).toBe(true);
    expect(stillHolds(reads(), { ...compacted, baseParent: { version: 'd1', keys: encodeMembership(['a:one']) } })).toBe(false);
    // A delta on the compacted base carries the step on.
    expect(stillHolds(reads(), chainOf([['d3', ['e:x']]], compacted))).toBe(true);
    expect(stillHolds({ ...reads(), version: 'd0' }, compacted)).toBe(false);
  });

  it('pins answers that name the version, read what one version holds alone, or too many keys', () => {
    const log = new ReadLog();
    log.key('v:b0:c:a1:0', 'b0');
    expect(log.done('b0')).toMatchObject({ pinned: true, tags: ['version'] });
    const other = new ReadLog();
    other.key('v:zz:a:one', 'b0');
    expect(other.done('b0').pinned).toBe(true);
    const pinned = new ReadLog();
    pinned.pin();
    expect(stillHolds(pinned.done('b0'), chainOf([['d1', ['a:x']]]))).toBe(false);
    const many = new ReadLog();
    for (let i = 0; i <= MAX_ANSWER_KEYS; i++) many.key(`v:b0:a:s${i}`, 'b0');
    expect(many.done('b0')).toMatchObject({ pinned: true, keys: new Uint32Array(0), tags: ['a'] });
  });

  it('search answers check the layout: any publish that changes the index or the article count affects them', () => {
    const log = new ReadLog();
    log.searched(base);
    log.key('v:b0:s:p:3', 'b0');
    const reads = log.done('b0');
    expect(stillHolds(reads, chainOf([['d1', ['a:x']]]))).toBe(true);
    expect(stillHolds(reads, chainOf([['d1', ['a:x']]], { ...base, articleCount: 11 }))).toBe(false);
    // Search keys read without the layout: nothing proves them current later.
    const blind = new ReadLog();
    blind.key('v:b0:s:a:4', 'b0');
    expect(blind.done('b0').pinned).toBe(true);
    expect(searchFacet(base)).toBe(searchFacet({ ...base }));
  });

  it('round-trips through the edge cache header', () => {
    const { reads } = readsOf('b0', ['a:one', 'e:kim']);
    const back = decodeReads(encodeReads(reads()), 'b0')!;
    expect([...back.keys]).toEqual([...reads().keys]);
    expect(back).toMatchObject({ version: 'b0', pinned: false });
    expect(decodeReads('not json', 'b0')).toBeNull();
    expect(decodeReads(null, 'b0')).toBeNull();
  });
});

describe('cache tags', () => {
  it('names nodes and lists in characters every CDN takes', () => {
    expect(['a:one', 'e:kim-jong-un', 'r:one', 'h:articles@Person:kim-jong-un', 'l:articles@lang:hi:3', 'x:articles', 's:p:4:2', 'c:abc:0'].map(tagOf)).toEqual([
      'a.one',
      'e.kim-jong-un',
      'r.one',
      'l.articles.person.kim-jong-un',
      'l.articles.lang.hi',
      'l.articles',
      'search',
      'version',
    ]);
    for (const tag of purgeTags(['a:one', 'l:people:0'])) expect(tag).toMatch(/^[a-z0-9.-]+$/);
  });

  it('falls back to families past the header bound, which every purge names too', () => {
    const tags = Array.from({ length: 1200 }, (_, i) => `a.s${i}`);
    expect(cacheTagHeader([...tags, 'e.kim'])).toBe('a,e');
    expect(purgeTags(['a:s1'])).toEqual(['a', 'a.s1', 'version']);
  });
});

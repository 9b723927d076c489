import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, changedRanges, leafOfRange, rangeDependencies, rangeKey } from './list-ranges';

const leaf = (...slugs: string[]) => JSON.stringify({ items: slugs.map((slug) => ({ slug, headline: `about ${slug}` })) });
const places = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `s${from + i}`);

describe('list leaf ranges', () => {
  it('names the smallest range end at or past the places an answer used, the leaf itself past the last', () => {
    expect(rangeKey('l:articles:0', 20)).toBe('l:articles:0#20');
    expect(rangeKey('l:articles:0', 3)).toBe('l:articles:0#5');
    expect(rangeKey('l:articles:0', 21)).toBe('l:articles:0#50');
    expect(rangeKey('l:articles:0', 101)).toBe('l:articles:0');
  });

  it('a change at place 30 changes the ranges past it only; one at place 0, an insertion and a deletion change all', () => {
    const before = places(60);
    const corrected = [...before];
    corrected[30] = 'corrected';
    expect(changedRanges('l:articles:0', leaf(...before), leaf(...corrected))).toEqual(['l:articles:0#50', 'l:articles:0#50@', 'l:articles:0#100', 'l:articles:0#100@']);
    expect(changedRanges('l:articles:0', leaf(...before), leaf('new', ...before))).toHaveLength(10);
    expect(changedRanges('l:articles:0', leaf(...before), null)).toHaveLength(10);
    expect(changedRanges('l:articles:0', null, leaf(...before))).toHaveLength(10);
  });

  it('an item appended after a short leaf changes the ranges that reach its place', () => {
    expect(changedRanges('l:people:0', leaf(...places(7)), leaf(...places(8))).filter((n) => !n.endsWith('@'))).toEqual(['l:people:0#10', 'l:people:0#20', 'l:people:0#50', 'l:people:0#100']);
  });

  it('the same items with other field values name the fields that changed, and only in the ranges that hold them', () => {
    const cards = places(30).map((slug) => ({ slug, headline: `about ${slug}`, wordCount: 100 }));
    const corrected = cards.map((c, i) => (i === 12 ? { ...c, wordCount: 120, dateModified: '2026-01-02' } : c));
    const names = changedRanges('l:articles:0', JSON.stringify({ items: cards }), JSON.stringify({ items: corrected }));
    expect(names).toEqual(['l:articles:0#20', 'l:articles:0#20@wordCount', 'l:articles:0#20@dateModified', 'l:articles:0#50', 'l:articles:0#50@wordCount', 'l:articles:0#50@dateModified', 'l:articles:0#100', 'l:articles:0#100@wordCount', 'l:articles:0#100@dateModified']);
    // A feed of 20 that showed headlines depends on who stands there and their headlines: none of those names.
    const feed = rangeDependencies('l:articles:0', 20, new Set(['slug', 'headline']));
    expect(feed).toEqual(['l:articles:0#20@', 'l:articles:0#20@slug', 'l:articles:0#20@headline']);
    expect(feed.filter((d) => names.includes(d))).toEqual([]);
    expect(rangeDependencies('l:articles:0', 20, new Set(['slug', 'wordCount'])).filter((d) => names.includes(d))).toEqual(['l:articles:0#20@wordCount']);
    // Whole items (a serialization): the range itself, which any change names.
    expect(rangeDependencies('l:articles:0', 20, new Set([ALL_FIELDS, 'slug']))).toEqual(['l:articles:0#20']);
    expect(rangeDependencies('l:articles:0', 101, new Set(['slug']))).toEqual(['l:articles:0']);
    expect(names.map(leafOfRange)).toEqual(names.map(() => 'l:articles:0'));
    expect(leafOfRange('l:articles:0')).toBeNull();
  });

  it('names nothing for keys that are not list leaves', () => {
    expect(changedRanges('h:articles', leaf('a'), leaf('b'))).toEqual([]);
    expect(changedRanges('a:some-story', '{}', '{"x":1}')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { changedRanges, rangeKey } from './list-ranges';

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
    expect(changedRanges('l:articles:0', leaf(...before), leaf(...corrected))).toEqual(['l:articles:0#50', 'l:articles:0#100']);
    expect(changedRanges('l:articles:0', leaf(...before), leaf('new', ...before))).toHaveLength(5);
    expect(changedRanges('l:articles:0', leaf(...before), null)).toHaveLength(5);
    expect(changedRanges('l:articles:0', null, leaf(...before))).toHaveLength(5);
  });

  it('an item appended after a short leaf changes the ranges that reach its place', () => {
    expect(changedRanges('l:people:0', leaf(...places(7)), leaf(...places(8)))).toEqual(['l:people:0#10', 'l:people:0#20', 'l:people:0#50', 'l:people:0#100']);
  });

  it('names nothing for keys that are not list leaves', () => {
    expect(changedRanges('h:articles', leaf('a'), leaf('b'))).toEqual([]);
    expect(changedRanges('a:some-story', '{}', '{"x":1}')).toEqual([]);
  });
});

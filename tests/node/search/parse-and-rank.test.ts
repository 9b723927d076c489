import { describe, expect, it } from 'vitest';
import { docRanges } from '../../../src/search/date-range';
import { IMPACT_SCALE, keyTerm, pairTerm, type PostingList } from '../../../src/search/index-format';
import { parseQuery } from '../../../src/search/parse-query';
import { rank } from '../../../src/search/rank';
import { termOf } from '../../../src/text/analyze';

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    const q = parseQuery('पुतिन "उत्तर कोरिया" -वियतनाम दौरे OR visit');
    expect(q.required).toEqual([
      [{ kind: 'word', term: termOf('पुतिन'), key: 'ptn' }],
      [{ kind: 'phrase', terms: [termOf('उत्तर'), termOf('कोरिया')] }],
      [
        { kind: 'word', term: termOf('दौरे'), key: 'dr' },
        { kind: 'word', term: 'visit', key: 'vst' },
      ],
    ]);
    expect(q.excluded).toEqual([{ kind: 'word', term: termOf('वियतनाम'), key: 'vtm' }]);
  });

  it('pairs adjacent plain words for the adjacency bonus, not across OR', () => {
    expect(parseQuery('kim jong un').pairs).toEqual([pairTerm('kim', 'jong'), pairTerm('jong', 'un')]);
    expect(parseQuery('x1 OR y1 z1').pairs).toEqual([]);
  });

  it('turns a hyphenated word into a phrase and drops stopwords', () => {
    expect(parseQuery('kim-jong').required).toEqual([[{ kind: 'phrase', terms: ['kim', 'jong'] }]]);
    expect(parseQuery('का और').required).toEqual([]);
  });

  it.each(['', ' \t', 'x'.repeat(257), new Array(33).fill('w').join(' '), '-only -excluded'])(
    'rejects %j as an invalid `query` (BAD_USER_INPUT)',
    (q) => {
      expect(() => parseQuery(q)).toThrow(expect.objectContaining({ name: 'InvalidArgument', argument: 'query' }));
    },
  );
});

describe('rank', () => {
  /** Gap-encodes [doc, impact] pairs the way the build step stores them. */
  const encode = (pairs: Array<[number, number]>): PostingList =>
    [...pairs].sort((a, b) => a[0] - b[0]).flatMap(([doc, impact], i, all) => [doc - (i ? all[i - 1]![0] : 0), impact * IMPACT_SCALE]);
  const postings = (table: Record<string, Array<[number, number]>>) => (term: string) =>
    table[term] ? encode(table[term]!) : undefined;

  it('ranks a native match above a cross-script match of equal weight', () => {
    const lookup = postings({ putin: [[5, 1]], [keyTerm('ptn')]: [[2, 1], [5, 1]] });
    expect(rank(parseQuery('putin'), lookup, 10).map((r) => r.doc)).toEqual([5, 2]);
  });

  it('breaks ties by document number: the higher (newer) article first', () => {
    const lookup = postings({ visit: [[7, 1], [3, 1]] });
    expect(rank(parseQuery('visit'), lookup, 10).map((r) => r.doc)).toEqual([7, 3]);
  });

  it('lifts documents where plain query words stand side by side', () => {
    const lookup = postings({ kim: [[1, 1], [2, 1]], jong: [[1, 1], [2, 1]], [pairTerm('kim', 'jong')]: [[2, 1]] });
    expect(rank(parseQuery('kim jong'), lookup, 10).map((r) => r.doc)).toEqual([2, 1]);
  });

  it('requires every pair of a quoted phrase', () => {
    const lookup = postings({ a1: [[1, 1], [2, 1]], b1: [[1, 1], [2, 1]], [pairTerm('a1', 'b1')]: [[2, 1]] });
    expect(rank(parseQuery('"a1 b1"'), lookup, 10).map((r) => r.doc)).toEqual([2]);
  });

  it('applies the accept filter', () => {
    const lookup = postings({ visit: [[1, 1], [2, 1]] });
    expect(rank(parseQuery('visit'), lookup, 10, (d) => d !== 1).map((r) => r.doc)).toEqual([2]);
  });
});

describe('docRanges', () => {
  // documents 0-1 on 05-01, 2 on 06-12, 3-4 on 06-20 (oldest first), then 5 appended late, dated 05-01
  const dates: Array<[string, number]> = [['2024-05-01', 0], ['2024-06-12', 2], ['2024-06-20', 3], ['2024-05-01', 5]];
  it.each([
    [undefined, undefined, [[0, 6]]],
    ['2024-06-12', '2024-06-12', [[2, 3]]],
    ['2024-06-01', undefined, [[2, 5]]],
    [undefined, '2024-06-15', [[0, 3], [5, 6]]],
    ['2024-07-01', undefined, []],
    [undefined, '2024-01-01', []],
  ])('from %s to %s is %j', (from, to, range) => expect(docRanges(dates, 6, from, to)).toEqual(range));
});

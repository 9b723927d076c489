import { describe, expect, it } from 'vitest';
import { docRanges } from '../../../src/search/date-range';
import { IMPACT_SCALE, keyTerm, pairTerm, type PostingList } from '../../../src/search/index-format';
import { parseQuery } from '../../../src/search/parse-query';
import { rank } from '../../../src/search/rank';
import { termOf } from '../../../src/text/analyze';

const word = (w: string, key: string) => ({ kind: 'word', term: termOf(w), key });
const optional = (...alternatives: object[]) => ({ alternatives, strict: false });

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    const q = parseQuery('पुतिन "उत्तर कोरिया" -वियतनाम दौरे OR visit');
    expect(q.clauses).toEqual([
      optional(word('पुतिन', 'ptn')),
      { alternatives: [{ kind: 'phrase', terms: [termOf('उत्तर'), termOf('कोरिया')] }], strict: true },
      optional(word('दौरे', 'dr'), { kind: 'word', term: 'visit', key: 'vst' }),
    ]);
    expect(q.excluded).toEqual([word('वियतनाम', 'vtm')]);
  });

  it('makes +word and both sides of AND strict; a lone OR or AND at the start is a no-op', () => {
    expect(parseQuery('+putin kim').clauses.map((c) => c.strict)).toEqual([true, false]);
    expect(parseQuery('putin AND kim summit').clauses.map((c) => c.strict)).toEqual([true, true, false]);
    expect(parseQuery('AND putin').clauses.map((c) => c.strict)).toEqual([false]);
  });

  it('pairs adjacent plain words for the adjacency bonus, not across OR', () => {
    expect(parseQuery('kim jong un').pairs).toEqual([pairTerm('kim', 'jong'), pairTerm('jong', 'un')]);
    expect(parseQuery('x1 OR y1 z1').pairs).toEqual([]);
    // An index stopword keeps the pair (the index skips it too); a dropped question word breaks it.
    expect(parseQuery('putin the visit').pairs).toEqual([pairTerm('putin', 'visit')]);
    expect(parseQuery('putin what visit').pairs).toEqual([]);
  });

  it('turns a hyphenated word into a phrase and drops stopwords', () => {
    expect(parseQuery('kim-jong').clauses).toEqual([optional({ kind: 'phrase', terms: ['kim', 'jong'] })]);
    expect(parseQuery('का और').clauses).toEqual([]);
  });

  it('drops question words unless nothing else is left', () => {
    expect(parseQuery('स्पेन में कितने लोग रहते हैं?').clauses.map((c) => c.alternatives[0])).toEqual(
      ['स्पेन', 'लोग', 'रहते'].map((w) => expect.objectContaining({ term: termOf(w) })),
    );
    expect(parseQuery('How many people live in Spain').clauses.map((c) => (c.alternatives[0] as { term: string }).term)).toEqual(['people', 'live', 'spain']);
    expect(parseQuery('who').clauses).toEqual([optional(expect.objectContaining({ kind: 'word', term: 'who' }))]);
    expect(parseQuery('+who putin').clauses.map((c) => (c.alternatives[0] as { term: string }).term)).toEqual(['who', 'putin']);
    expect(parseQuery('"what happened" novel').clauses[0]).toEqual({ alternatives: [{ kind: 'phrase', terms: ['what', termOf('happened')] }], strict: true });
  });

  it('reads a Chinese or Japanese run as its words, each a clause, and pairs them', () => {
    const zh = parseQuery('北京是中国的首都吗');
    expect(zh.clauses.map((c) => (c.alternatives[0] as { term: string }).term)).toEqual(['北京', '中国', '首都']);
    expect(zh.clauses.every((c) => !c.strict)).toBe(true);
    expect(zh.pairs).toEqual([]);
    expect(parseQuery('超级碗冠军').pairs).toEqual([pairTerm('超级', '碗'), pairTerm('碗', '冠军')]);
    const ja = parseQuery('東京オリンピックはいつ');
    expect(ja.clauses.map((c) => (c.alternatives[0] as { term: string }).term)).toEqual(['東京', 'オリンピック']);
    // Quoted, the run is one phrase again; excluded, too.
    expect(parseQuery('"超级碗"').clauses).toEqual([{ alternatives: [{ kind: 'phrase', terms: ['超级', '碗'] }], strict: true }]);
    expect(parseQuery('新闻 -超级碗').excluded).toEqual([{ kind: 'phrase', terms: ['超级', '碗'] }]);
  });

  it('counts the distinct terms of a Chinese or Japanese run toward the 32-word limit, not its particles', () => {
    expect(parseQuery(`東京${'の地震'.repeat(40)}`).clauses).toHaveLength(2);
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

  it('needs both words of two when some document has both, else takes the best of either', () => {
    const both = postings({ kim: [[1, 1], [2, 1], [3, 1]], putin: [[2, 1], [4, 1]] });
    expect(rank(parseQuery('kim putin'), both, 10).map((r) => r.doc)).toEqual([2]);
    const apart = postings({ kim: [[1, 1], [3, 2]], putin: [[4, 1]] });
    expect(rank(parseQuery('kim putin'), apart, 10).map((r) => r.doc)).toEqual([3, 4, 1]);
  });

  it('adds every clause a document matches: more words and both sides of OR score more', () => {
    const lookup = postings({ aa: [[1, 1], [2, 1], [3, 1]], bb: [[2, 1], [3, 1]], cc: [[3, 1]], dd: [[5, 1]] });
    const ranked = rank(parseQuery('aa bb cc dd'), lookup, 10);
    expect(ranked.map((r) => r.doc)).toEqual([3, 2, 5, 1]);
    const or = rank(parseQuery('aa OR bb'), lookup, 10);
    expect(or.map((r) => r.doc)).toEqual([3, 2, 1]);
    expect(or[0]!.score).toBeGreaterThan(or[2]!.score);
  });

  it('keeps strict clauses strict: +word, AND and quoted phrases', () => {
    const lookup = postings({ aa: [[1, 1], [2, 1]], bb: [[2, 1], [3, 5]], cc: [[1, 1]] });
    expect(rank(parseQuery('+aa bb'), lookup, 10).map((r) => r.doc)).toEqual([2]);
    expect(rank(parseQuery('+aa cc bb'), lookup, 10).map((r) => r.doc)).toEqual([1, 2]);
    expect(rank(parseQuery('bb AND cc'), lookup, 10)).toEqual([]);
    expect(rank(parseQuery('bb -aa'), lookup, 10).map((r) => r.doc)).toEqual([3]);
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

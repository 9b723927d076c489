import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostingShard as decodeBytes } from './posting-codec';

/** The shard as KV hands it over: UTF-8 bytes. */
const decodePostingShard = (text: string) => decodeBytes(new TextEncoder().encode(text));

describe('decodePostingShard', () => {
  it('reads every list of any shard exactly as JSON.parse does', () => {
    const shard = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.array(fc.nat({ max: 2 ** 31 - 1 }), { maxLength: 40 }));
    fc.assert(
      fc.property(shard, (value) => {
        const decoded = decodePostingShard(JSON.stringify(value));
        for (const [term, list] of Object.entries(value)) expect([...decoded.list(term)!]).toEqual(list);
        expect(decoded.list('\u0000absent')).toBeUndefined();
      }),
    );
  });

  it('reads Hindi terms, escapes, spaces, empty lists and an empty shard', () => {
    const decoded = decodePostingShard('{ "पुतिन" : [0, 250 ,3,100] , "a \\"b\\"":[], "~ptn":[7,1]}');
    expect([...decoded.list('पुतिन')!]).toEqual([0, 250, 3, 100]);
    expect([...decoded.list('a "b"')!]).toEqual([]);
    expect([...decoded.list('~ptn')!]).toEqual([7, 1]);
    expect(decodePostingShard('{}').list('x')).toBeUndefined();
  });

  it('counts what it keeps: 4 bytes a number plus its terms', () => {
    const small = decodePostingShard(JSON.stringify({ t: [1, 2] }));
    const large = decodePostingShard(JSON.stringify({ t: Array.from({ length: 1002 }, (_, i) => i) }));
    expect(large.bytes - small.bytes).toBe(4 * 1000);
  });

  it.each(['', '[]', '{"a":[1,2}', '{"a":[1.5]}', '{"a":["x"]}', '{"a":[1]} x', '{"a":[99999999999]}', '{"a:[1]}'])(
    'refuses %j, saying where',
    (text) => expect(() => decodePostingShard(text)).toThrow(/posting shard: .* at byte \d+/),
  );
});

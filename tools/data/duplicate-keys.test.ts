import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from './duplicate-keys';

describe('duplicateKeys', () => {
  it('finds a key twice in one object, with its pointer and both lines', () => {
    const text = '{\n  "slug": "a",\n  "names": {"en": "x", "hi": "y",\n "en": "z"},\n  "slug": "b"\n}';
    expect(duplicateKeys(text)).toEqual([
      { object: '/names', key: 'en', firstLine: 3, line: 4 },
      { object: '/', key: 'slug', firstLine: 2, line: 5 },
    ]);
  });

  it('tells keys from values and objects apart: the same key in sibling objects, escaped quotes', () => {
    const text = '[{"a": "a", "b": ["a", {"a": 1}]}, {"a": "\\"a\\": 1"}, {"x\\"y": 1, "x\\u0022y": 2}]';
    expect(duplicateKeys(text)).toEqual([{ object: '/2', key: 'x"y', firstLine: 1, line: 1 }]);
  });

  it('finds none in any JSON that JSON.stringify wrote (keys unique by construction)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(duplicateKeys(JSON.stringify(value, null, 1))).toEqual([]);
    }), { seed: 15, numRuns: 300 });
  });

  it('walks 100,000 levels of nesting without recursion', () => {
    expect(duplicateKeys(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { retainedBytes } from './retained-bytes';
import { stringBytes } from './string-bytes';

describe('retainedBytes', () => {
  it('counts strings as V8 stores them, small integers as nothing, other numbers as heap numbers', () => {
    expect(retainedBytes('abc')).toBe(stringBytes('abc'));
    expect(retainedBytes(7)).toBe(0);
    expect(retainedBytes(0.5)).toBe(16);
    expect(retainedBytes(null) + retainedBytes(true)).toBe(0);
  });

  it('adds a header and a slot per element or property, plus what each holds', () => {
    expect(retainedBytes([1, 2, 3]) - retainedBytes([])).toBe(3 * 4);
    expect(retainedBytes({ a: 'x', b: 1 }) - retainedBytes({})).toBe(2 * 8 + stringBytes('x'));
    const mention = [0, 12, 17, 'vladimir-putin'];
    expect(retainedBytes([mention, mention])).toBe(retainedBytes([]) + 2 * 4 + 2 * retainedBytes(mention));
  });

  it('counts a parsed document at more than its JSON text, as the heap holds it', () => {
    const doc = { slug: 'a', paragraphs: ['पुतिन ने कहा', 'text'], mentions: [[0, 0, 5, 'vladimir-putin']], wordCount: 4 };
    expect(retainedBytes(doc)).toBeGreaterThan(JSON.stringify(doc).length);
  });
});

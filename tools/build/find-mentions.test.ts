import { describe, expect, it } from 'vitest';
import { aliasKey, buildAliasIndex, findMentions } from './find-mentions';

const index = buildAliasIndex([
  { slug: 'russia', names: ['रूस', 'Russia'] },
  { slug: 'united-states', names: ['अमेरिका', 'संयुक्त राज्य अमेरिका'] },
  { slug: 'kim-jong-un', names: ['किम', 'किम जोंग उन', 'Kim Jong-un'] },
  { slug: 'kcna', names: ['कोरियन सेंट्रल न्यूज़ एजेंसी'] },
]);
const found = (text: string) => findMentions(text, index).map((m) => [text.slice(m.start, m.end), m.slug]);

describe('findMentions', () => {
  it('matches whole words only', () => {
    expect(found('रूसी राष्ट्रपति और रूस')).toEqual([['रूस', 'russia']]);
  });

  it('prefers the longest alias', () => {
    expect(found('संयुक्त राज्य अमेरिका और अमेरिका')).toEqual([
      ['संयुक्त राज्य अमेरिका', 'united-states'],
      ['अमेरिका', 'united-states'],
    ]);
    expect(found('किम जोंग उन ने कहा, किम ने')).toEqual([
      ['किम जोंग उन', 'kim-jong-un'],
      ['किम', 'kim-jong-un'],
    ]);
  });

  it('compares after NFC, so a precomposed nukta letter matches the decomposed one', () => {
    const precomposed = 'कोरियन सेंट्रल न्यू\u095B एजेंसी'; // ज़ as one code point
    expect(found(precomposed)).toEqual([[precomposed, 'kcna']]);
  });

  it('keeps the gap between words: a hyphenated alias needs the hyphen; case does not matter', () => {
    expect(found('KIM JONG-UN and Kim Jong un')).toEqual([['KIM JONG-UN', 'kim-jong-un']]);
    expect(found('(उत्तर कोरिया)-रूस के बीच')).toEqual([['रूस', 'russia']]);
  });

  it('gives UTF-16 offsets into the text as written', () => {
    const text = '“रूस” 😀 रूस';
    const [first, second] = findMentions(text, index);
    expect(first).toEqual({ start: 1, end: 4, slug: 'russia' });
    expect(text.slice(second!.start, second!.end)).toBe('रूस');
  });

  it('keys names the same way for the ambiguity check', () => {
    expect(aliasKey('Kim  Jong-Un')).toBe(aliasKey('kim jong-un'));
    expect(aliasKey('Kim Jong-Un')).not.toBe(aliasKey('Kim Jong Un'));
  });
});

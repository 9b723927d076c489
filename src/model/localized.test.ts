import { describe, expect, it } from 'vitest';
import { pickLocalized } from './localized';

const names = [
  { language: 'en', value: 'Kim Jong Un' },
  { language: 'hi', value: 'किम जोंग उन' },
  { language: 'ko', value: '김정은' },
];

describe('pickLocalized (RFC 4647 lookup, then the default language)', () => {
  it.each([
    ['hi', 'किम जोंग उन'],
    ['hi-Deva-IN', 'किम जोंग उन'],
    ['HI', 'किम जोंग उन'],
    ['ko', '김정은'],
    ['fr', 'Kim Jong Un'],
    [undefined, 'Kim Jong Un'],
  ])('%s -> %s', (requested, expected) => {
    expect(pickLocalized(names, requested, 'en')?.value).toBe(expected);
  });

  it('falls back to the default language before English', () => {
    expect(pickLocalized(names, 'fr', 'ko')?.value).toBe('김정은');
  });

  it('takes the preferences in order (Accept-Language), the first with a text winning', () => {
    expect(pickLocalized(names, ['fr', 'ko', 'hi'], 'en')?.value).toBe('김정은');
    expect(pickLocalized(names, ['fr', 'de'], 'hi')?.value).toBe('किम जोंग उन');
    expect(pickLocalized(names, [], 'en')?.language).toBe('en');
  });

  it('keeps to the script a tag names: Hindi in Latin letters is never the Devanagari text', () => {
    expect(pickLocalized(names, 'hi-Latn', 'hi')).toEqual({ language: 'en', value: 'Kim Jong Un' });
    expect(pickLocalized([...names, { language: 'hi-Latn', value: 'Kim Jong Un ji' }], 'hi-Latn', 'hi')?.value).toBe('Kim Jong Un ji');
    expect(pickLocalized(names, ['ko-Latn', 'hi'], 'en')?.value).toBe('Kim Jong Un');
    expect(pickLocalized(names.slice(1), ['hi-Latn', 'ko'], 'hi')?.value).toBe('김정은');
  });
});

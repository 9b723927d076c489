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
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors';
import { LIMITS } from '../../src/limits';

/** The README's "Limits and errors" section states what src/limits.ts and src/errors.ts hold. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Limits and errors'));

describe('README, "Limits and errors"', () => {
  it('exists', () => expect(section.startsWith('## Limits and errors')).toBe(true));

  it('lists every limit with the value the code enforces', () => {
    // Rows read: | `maxDepth` | 10 | ...
    const rows = [...section.matchAll(/^\| `(\w+)` \| ([\d,]+) \|/gm)].map((m) => [m[1], Number(m[2]!.replace(/,/g, ''))]);
    expect(Object.fromEntries(rows)).toEqual(LIMITS);
  });

  it('lists every error code, and only those', () => {
    const codes = [...section.matchAll(/^- `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect(codes.sort()).toEqual(Object.values(ErrorCode).sort());
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors';
import { LIMITS } from '../../src/limits';
import { PersistedQueryCode } from '../../src/plugins/use-trusted-documents';

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
    // Rows read: - `CODE`: ... or - `CODE`, `CODE`: ...
    const codes = [...section.matchAll(/^- ((?:`[A-Z_]+`(?:, )?)+):/gm)].flatMap((m) => [...m[1]!.matchAll(/`([A-Z_]+)`/g)].map((c) => c[1]));
    expect(codes.sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it("includes the persisted-operation plugin's codes", () => {
    expect(Object.values(ErrorCode)).toEqual(expect.arrayContaining(Object.values(PersistedQueryCode)));
  });
});

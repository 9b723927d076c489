import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors';
import { LIMITS } from '../../src/limits';

/** docs/api.md, "Limits and errors", states what src/limits.ts and src/errors.ts hold. */
const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Limits and errors'));

describe('docs/api.md, "Limits and errors"', () => {
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
});

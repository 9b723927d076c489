import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../tools/data/input-limits';

/** docs/input-limits.md states the values tools/data/input-limits.ts holds, and only those. */
const doc = readFileSync(new URL('../../docs/input-limits.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('<!-- limits table -->'), doc.indexOf('<!-- end of limits table -->'));

describe('docs/input-limits.md, "Limits"', () => {
  it('lists every build limit with the value the code enforces', () => {
    // Rows read: | `kvKeyBytes` | 512 | ...
    const rows = [...section.matchAll(/^\| `(\w+)` \| ([\d,]+) \|/gm)].map((m) => [m[1], Number(m[2]!.replace(/,/g, ''))]);
    expect(Object.fromEntries(rows)).toEqual(INPUT_LIMITS);
  });
});

import { describe, expect, it } from 'vitest';
import { packageOf, shortSource, summarize, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

/** (root) -> outer (a.js) -> inner (b.js), and (idle) under (root). */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4] },
    { id: 2, callFrame: frame('outer', 'file:///x/a.js', 9), children: [3] },
    { id: 3, callFrame: frame('inner', 'file:///x/b.js', 19) },
    { id: 4, callFrame: frame('(idle)') },
  ],
  // Each sample's time is the delta after it (the next one): 100, 300, 500, 700 µs.
  samples: [2, 3, 3, 4],
  timeDeltas: [0, 100, 300, 500, 700],
};

describe('CPU profile summary', () => {
  it('sums self and total time per request by function, file and package, leaving idle out', () => {
    const summary = summarize(profile, 2);
    expect(summary.cpuMsPerRequest).toBeCloseTo((100 + 300 + 500) / 1000 / 2);
    const fn = Object.fromEntries(summary.byFunction.map((r) => [r.key, r]));
    expect(fn['inner b.js:20']).toMatchObject({ selfMs: 0.4, totalMs: 0.4 });
    expect(fn['outer a.js:10']!.selfMs).toBeCloseTo(0.05);
    expect(fn['outer a.js:10']!.totalMs).toBeCloseTo(0.45);
    expect(summary.byFunction[0]!.key).toBe('inner b.js:20');
    expect(summary.byFile.map((r) => r.key)).toEqual(['b.js', 'a.js']);
    expect(summary.byFunction.some((r) => r.key === '(idle)')).toBe(false);
  });

  it('names files and packages from source-map paths', () => {
    expect(shortSource('../../../node_modules/graphql-yoga/esm/server.js')).toBe('node_modules/graphql-yoga/esm/server.js');
    expect(shortSource('../../../src/front/memo.ts')).toBe('src/front/memo.ts');
    expect(packageOf('node_modules/@whatwg-node/server/esm/utils.js')).toBe('@whatwg-node/server');
    expect(packageOf('node_modules/graphql/execution/values.mjs')).toBe('graphql');
    expect(packageOf('src/graph/compiled/execute.ts')).toBe('src/graph');
    expect(packageOf('(native)')).toBe('(native)');
  });
});

import { describe, expect, it } from 'vitest';
import { coldSizesChart, p50Column } from './cold-sizes-chart';

describe('coldSizesChart', () => {
  const results = {
    loadAverage: '1.0-2.0',
    rounds: 3,
    sizes: [1000, 100000],
    rows: [
      { operation: 'search', [p50Column(1000)]: 20, [p50Column(100000)]: 40, '100,000 / 1,000 (budget 1.3)': 2 },
      { operation: 'type-ahead', [p50Column(1000)]: 10, [p50Column(100000)]: 11, '100,000 / 1,000 (budget 1.3)': 1.1 },
    ],
  };
  const svg = coldSizesChart(results, 'Cold <p50>');

  it('draws one bar per operation and size, scaled to the largest value', () => {
    const widths = [...svg.matchAll(/<rect x="130" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([210, 420, 105, 115.5]);
  });

  it('labels the largest size with its ratio and escapes the title', () => {
    expect(svg).toContain('40.0 (2.00x)');
    expect(svg).toContain('11.0 (1.10x)');
    expect(svg).toContain('Cold &lt;p50>');
  });
});

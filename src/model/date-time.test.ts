import { describe, expect, it } from 'vitest';
import { normalDateTime, parseDateTime } from './date-time';

describe('RFC 3339 date-times, strictly', () => {
  it('reads offsets, Z, lower-case t and z, and fractions to the millisecond', () => {
    expect(normalDateTime('2024-06-12T10:30:00+05:30')).toBe('2024-06-12T05:00:00.000Z');
    expect(normalDateTime('2024-06-12t05:00:00z')).toBe('2024-06-12T05:00:00.000Z');
    expect(normalDateTime('2024-06-12T23:30:00-01:00')).toBe('2024-06-13T00:30:00.000Z');
    expect(normalDateTime('2024-06-12T05:00:00.123456Z')).toBe('2024-06-12T05:00:00.123Z');
    expect(normalDateTime('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(normalDateTime('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
  });

  it('refuses what RFC 3339 does not allow, and what JavaScript time cannot hold', () => {
    for (const bad of [
      '2024-06-12', '2024-06-12T10:30:00', '2024-06-12 10:30:00Z', '2024-06-12T10:30Z', '2024-06-12T10:30:00+0530',
      '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-04-31T00:00:00Z', '2024-06-12T24:00:00Z',
      '2024-06-12T23:59:60Z', '2024-06-12T10:30:00+24:00', '2024-06-12T10:30:00.Z', '२०२४-06-12T10:30:00Z', ' 2024-06-12T10:30:00Z', '',
    ]) expect(parseDateTime(bad), bad).toBeNull();
  });
});

import { InvalidArgument } from './domain-errors';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A date bound of a filter, as YYYY-MM-DD (ISO 8601 calendar date); absent stays undefined. */
export function checkDate(value: string | null | undefined, argument: string): string | undefined {
  if (value == null) return undefined;
  if (!DATE.test(value)) throw new InvalidArgument(`\`${argument}\` must be a date as YYYY-MM-DD; it was "${value}".`, argument);
  return value;
}

/**
 * Both ends of a date filter, checked: a range whose start is after its end can match nothing
 * and is always a client's mistake (swapped arguments), so it is refused (BAD_USER_INPUT
 * naming the start argument) rather than answered with an empty page (docs/api.md).
 */
export function checkDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  names: [string, string],
): { from?: string; to?: string } {
  const range = { from: checkDate(from, names[0]), to: checkDate(to, names[1]) };
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    throw new InvalidArgument(`\`${names[0]}\` (${range.from}) is after \`${names[1]}\` (${range.to}); swap them.`, names[0]);
  }
  return range;
}

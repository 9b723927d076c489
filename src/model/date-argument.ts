import { InvalidArgument } from './domain-errors';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A date bound of a filter, as YYYY-MM-DD (ISO 8601 calendar date); absent stays undefined. */
export function checkDate(value: string | null | undefined, argument: string): string | undefined {
  if (value == null) return undefined;
  if (!DATE.test(value)) throw new InvalidArgument(`\`${argument}\` must be a date as YYYY-MM-DD; it was "${value}".`, argument);
  return value;
}

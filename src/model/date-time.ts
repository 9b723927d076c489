/**
 * RFC 3339 date-times (section 5.6, `date-time`), read strictly: a full date, `T`, a full time
 * with seconds and an optional fraction, and an offset (`Z` or `+hh:mm`); `t` and `z` in lower
 * case too (5.6 allows them). No space for `T`, no offset-less local time, no ISO 8601 week or
 * ordinal forms. A leap second (`:60`) is refused: JavaScript time has none to hold it.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The instant an RFC 3339 date-time names, in ms since the epoch; null when it is not one. */
export function parseDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const [offHours, offMinutes] = m[8] ? [0, 0] : [Number(m[10]), Number(m[11])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || offHours > 23 || offMinutes > 59) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, ms);
  const offset = (m[9] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  return utc.getTime() - offset * 60_000;
}

/** The instant in UTC, as `Date.prototype.toISOString` writes it (fixed width, so strings sort by time). */
export const utcText = (ms: number): string => new Date(ms).toISOString();

/** An RFC 3339 date-time in its UTC form (`2024-06-12T05:00:00.000Z`); null when `text` is not one. */
export function normalDateTime(text: string): string | null {
  const ms = parseDateTime(text);
  return ms === null ? null : utcText(ms);
}

/** What a client is told when a DateTime it sent is not one. */
export const dateTimeProblem = (value: unknown): string =>
  `must be an RFC 3339 date-time with an offset, such as 2024-06-12T10:30:00+05:30 or 2024-06-12T05:00:00Z; it was ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}.`;

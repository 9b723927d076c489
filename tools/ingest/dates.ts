import { dateOrDateTime } from '../data/data-format';

/**
 * A source's date as the article file keeps it: `YYYY-MM-DD` when the source gives only a
 * date (its precision kept), else an RFC 3339 date-time with the source's own offset.
 * Accepted: ISO 8601 / RFC 3339 (with `+0000` offsets as Superdesk writes them; the basic
 * format `20230329`), and
 * RFC 2822 dates as RSS has them (converted to UTC: JavaScript keeps no offset for those).
 * A date-time without an offset names no instant (KBS writes Korean time with none): its date
 * is kept, its time of day dropped rather than guessed.
 * Returns undefined for a value that is not a date.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace('.000Z', 'Z');
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (dateOrDateTime.safeParse(v).success) return v;
  // 20230329: the basic format of ISO 8601 (a date only), as some pages' meta tags write it.
  const basic = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (basic) return dateOrDateTime.safeParse(`${basic[1]}-${basic[2]}-${basic[3]}`).success ? `${basic[1]}-${basic[2]}-${basic[3]}` : undefined;
  // 2017-08-24T04:38:34+0000 -> +00:00; a missing offset -> Z; a space for the T.
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (iso) {
    if (!iso[3]) return dateOrDateTime.safeParse(iso[1]).success ? iso[1] : undefined;
    const offset = iso[3] === 'Z' ? 'Z' : `${iso[3].slice(0, 3)}:${iso[3].slice(-2)}`;
    const out = `${iso[1]}T${iso[2]}${offset}`;
    return dateOrDateTime.safeParse(out).success ? out : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

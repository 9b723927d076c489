import { simplifyEntity, wikibaseTimeToSimpleDay, type Item, type TimeInputValue } from 'wikibase-sdk';
import { slugify, type EntityRecord } from './entity-file';

/**
 * One Wikidata item (the JSON of Special:EntityData, wbgetentities and the JSON dumps, see
 * https://doc.wikimedia.org/Wikibase/master/php/docs_topics_json.html) as an entry of
 * data/entities/. wikibase-sdk reads the format (simplifyEntity: labels, aliases, claims with
 * their best-ranked values). What is kept:
 *
 * - labels, aliases and descriptions in the chosen languages;
 * - P31 (instance of) decides the type: human -> Person; country, city, region, facility
 *   classes -> Place with its kind; event classes, or P580/P585 without another type -> Event;
 *   organisation classes -> Organization. Anything else needs `--type`.
 * - P17 (country) and P276 (location), P710 (participant) as links to KB entities by Wikidata id;
 * - P625 (coordinates) -> latitude/longitude; P569 (date of birth) -> birthDate;
 *   P580/P582 (start/end time), or P585 (point in time) -> startDate/endDate with precision.
 */

export type ImportType = 'Person' | 'Place' | 'Event' | 'Organization';

const HUMAN = 'Q5';
const PLACE_KINDS: Record<string, string> = {
  Q6256: 'COUNTRY', Q3624078: 'COUNTRY', Q7275: 'COUNTRY', Q3024240: 'COUNTRY',
  Q515: 'CITY', Q1549591: 'CITY', Q1637706: 'CITY', Q5119: 'CITY', Q200250: 'CITY', Q1093829: 'CITY',
  Q486972: 'CITY', Q3957: 'CITY', Q532: 'CITY', Q15284: 'CITY',
  Q82794: 'REGION', Q10864048: 'REGION', Q107390: 'REGION', Q35657: 'REGION', Q13220204: 'REGION',
  Q131541: 'REGION', Q5107: 'REGION', Q23442: 'REGION', Q8502: 'REGION', Q4022: 'REGION',
  Q41176: 'FACILITY', Q13226383: 'FACILITY', Q1248784: 'FACILITY', Q194188: 'FACILITY', Q483110: 'FACILITY',
};
const EVENT_CLASSES = new Set(['Q1190554', 'Q1656682', 'Q198', 'Q178561', 'Q40231', 'Q132241', 'Q2761147', 'Q645883', 'Q175331', 'Q3839081', 'Q18669875']);
const ORGANIZATION_CLASSES = new Set(['Q43229', 'Q4830453', 'Q7278', 'Q7210356', 'Q783794', 'Q891723', 'Q1616075', 'Q11032', 'Q484652', 'Q327333', 'Q2659904', 'Q3918', 'Q163740', 'Q1331793']);

export interface WikidataDate {
  date: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
}

/** Wikidata's time precision: 11 day, 10 month, 9 year (coarser counts as year). */
function toDate(value: TimeInputValue): WikidataDate {
  const precision = typeof value === 'string' ? 11 : value.precision;
  const day = wikibaseTimeToSimpleDay(value);
  if (precision >= 11) return { date: day, precision: 'DAY' };
  const [year, month = '01'] = day.replace(/^-/, '').split('-');
  return precision === 10 ? { date: `${year}-${month}-01`, precision: 'MONTH' } : { date: `${year}-01-01`, precision: 'YEAR' };
}

export type Mapped = { ok: true; type: ImportType; record: EntityRecord; unresolved: string[] } | { ok: false; message: string };

export function mapWikidataItem(
  item: Item,
  options: { languages: string[]; slugOf: (qid: string) => string | undefined; type?: ImportType; today: string },
): Mapped {
  const e = simplifyEntity(item, { timeConverter: (t: TimeInputValue) => toDate(t), keepRichValues: false });
  const claims = (e.claims ?? {}) as Record<string, unknown[] | undefined>;
  const claim = <T>(p: string) => (claims[p] ?? []) as T[];
  const p31 = claim<string>('P31');
  const start = claim<WikidataDate>('P580')[0] ?? claim<WikidataDate>('P585')[0];
  const kind = p31.map((q) => PLACE_KINDS[q]).find(Boolean);
  const type: ImportType | undefined =
    options.type ??
    (p31.includes(HUMAN) ? 'Person'
      : kind ? 'Place'
      : p31.some((q) => EVENT_CLASSES.has(q)) || start ? 'Event'
      : p31.some((q) => ORGANIZATION_CLASSES.has(q)) ? 'Organization'
      : undefined);
  if (!type) return { ok: false, message: `${item.id}: cannot tell its type from P31 (${p31.join(', ') || 'none'}); pass --type Person|Place|Event|Organization` };

  const pick = (texts: Partial<Readonly<Record<string, string | readonly string[]>>> | undefined) =>
    Object.fromEntries(options.languages.flatMap((l) => (texts?.[l] ? [[l, texts[l]!]] : [])));
  const names = pick(e.labels) as Record<string, string>;
  if (Object.keys(names).length === 0) return { ok: false, message: `${item.id}: has no label in ${options.languages.join(', ')}` };
  const defaultLanguage = 'en' in names ? 'en' : Object.keys(names)[0]!;
  const aliases = Object.entries(pick(e.aliases) as unknown as Record<string, string[]>).flatMap(([language, values]) =>
    values.map((value) => ({ language, value })),
  );

  const unresolved: string[] = [];
  const ref = (p: string) => {
    const q = claim<string>(p)[0];
    if (!q) return undefined;
    const slug = options.slugOf(q);
    if (!slug) unresolved.push(`${p} ${q}`);
    return slug;
  };
  const record: EntityRecord = {
    slug: slugify(names.en ?? '') || item.id.toLowerCase(),
    wikidataId: item.id,
    defaultLanguage,
    names,
    aliases,
    description: pick(e.descriptions),
  };
  if (type === 'Person') {
    const born = claim<WikidataDate>('P569')[0];
    if (born?.precision === 'DAY') record.birthDate = born.date;
  } else if (type === 'Place') {
    const [lat, lon] = claim<[number, number]>('P625')[0] ?? [];
    Object.assign(record, { kind: kind ?? 'REGION', country: kind === 'COUNTRY' ? undefined : ref('P17'), latitude: lat, longitude: lon });
  } else if (type === 'Organization') {
    record.country = ref('P17');
  } else {
    if (!start) return { ok: false, message: `${item.id}: an event needs P580 (start time) or P585 (point in time)` };
    const end = claim<WikidataDate>('P582')[0];
    const participants = claim<string>('P710').flatMap((q) => options.slugOf(q) ?? []);
    Object.assign(record, {
      startDate: start.date,
      endDate: end?.date,
      datePrecision: start.precision,
      status: start.date > options.today ? 'SCHEDULED' : end && end.date < options.today ? 'OCCURRED' : end ? 'ONGOING' : 'OCCURRED',
      location: ref('P276'),
      participants,
    });
  }
  return { ok: true, type, record, unresolved };
}

import data from '../../.build/kv-data.json';
import { toGlobalId } from '../../src/model/global-id';

/**
 * The variables of each persisted operation over the whole built data set (data/, as seeded
 * into local KV): every slug or ID of the kind the operation reads, languages in turn, page
 * sizes at and beyond their limits, and a missing slug. Cursors come from the answers
 * (compiled-equality.test.ts follows every `endCursor`).
 */
/** A persisted operation: its id (SHA-256), name, text, and whether the build compiled it. */
export interface Operation {
  id: string;
  name: string;
  body: string;
  compiled: boolean;
}

export interface Doc {
  type?: string;
  slug: string;
  headline?: string;
  url?: string;
  section?: string;
  subjects?: Array<{ name: string; code?: string }>;
  names?: Array<{ value: string }>;
}

/** The documents of data/ as the build wrote them (.build/kv-data.json, what seedKv loads). */
export const DATA_DOCS: Doc[] = (data as Array<{ key: string; value: string }>)
  .filter((e) => /^v:[^:]+:[ae]:/.test(e.key))
  .map((e) => ({ type: e.key.split(':')[2] === 'a' ? 'Article' : undefined, ...(JSON.parse(e.value) as Doc) }));

/** What variables are drawn from: slugs and IDs of each kind, words to search, prefixes to type. */
export function pools(docs: Doc[]) {
  const ofType = (type: string) => docs.filter((d) => (d.type ?? 'Article') === type);
  const words = [...new Set(docs.flatMap((d) => (d.headline ?? d.names?.[0]?.value ?? '').split(/\s+/)).filter((w) => w.length > 1))];
  return {
    ofType,
    slugs: docs.map((d) => d.slug),
    ids: docs.map((d) => toGlobalId((d.type ?? 'Article') as 'Article', d.slug)),
    words: words.slice(0, 60),
    prefixes: [...new Set(docs.flatMap((d) => (d.names ?? []).map((n) => n.value.slice(0, 3))))].slice(0, 60),
  };
}

export const DATA = pools(DATA_DOCS);
/** The data version of that build. */
export const DATA_VERSION = /^v:([^:]+):/.exec((data as Array<{ key: string }>).find((e) => e.key.startsWith('v:'))!.key)![1]!;
const LANGUAGES = [undefined, 'hi', 'en'];
const language = (i: number) => LANGUAGES[i % 3];

/** Root field -> the type its `$slug` names. */
const SLUG_TYPE: Record<string, string> = { article: 'Article', person: 'Person', event: 'Event', place: 'Place', organization: 'Organization' };

export function casesOf(op: Operation, pool = DATA): Array<Record<string, unknown>> {
  const { ofType, slugs: SLUGS, ids: IDS, words: WORDS, prefixes: PREFIXES } = pool;
  const root = /\{\s*(\w+)/.exec(op.body)![1]!;
  const has = (name: string) => new RegExp(`\\$${name}\\b`).test(op.body);
  if (has('slug')) {
    const slugs = [...ofType(SLUG_TYPE[root] ?? 'Article').map((d) => d.slug), 'no-such-slug', SLUGS[0]!];
    return slugs.map((slug, i) => ({ slug, ...(has('language') ? { language: language(i) } : {}), ...(has('first') ? { first: [undefined, 1, 2, 100][i % 4] } : {}) }));
  }
  if (has('url')) {
    // Each article's URL as published and as a link travels, one no story has, and text that is no URL.
    const urls = ofType('Article').flatMap((d) => (d.url ? [d.url, `${d.url.replace(/^https:/, 'http:')}/?utm_source=app#top`] : []));
    return [...urls, 'https://example.com/no-such-story', 'not a url'].map((url) => ({ url }));
  }
  if (has('key')) {
    // Sections and subjects the articles name (as written, and as handles), and one nobody does.
    const articles = ofType('Article');
    const keys = [
      ...articles.flatMap((d) => (d.section ? [d.section] : [])),
      ...articles.flatMap((d) => (d.subjects ?? []).map((s) => s.code ?? `tag:${s.name.toLowerCase()}`)),
      'no-such-section',
    ];
    return [...new Set(keys)].slice(0, 30).map((key, i) => ({ key, first: [undefined, 1, 100][i % 3] }));
  }
  if (has('ids')) {
    const chunks = [IDS.slice(0, 100), ...Array.from({ length: Math.ceil(IDS.length / 7) }, (_, i) => IDS.slice(i * 7, i * 7 + 7))];
    return chunks.map((ids, i) => ({ ids, language: language(i) }));
  }
  if (has('id')) return [...IDS, toGlobalId('Place', 'nowhere'), 'not-an-id'].map((id, i) => ({ id, language: language(i), ...(has('count') ? { count: i % 3 } : {}) }));
  if (has('since') && root === 'articles') {
    // Instants before, on and after the data's dates (as DateTime: RFC 3339), and one that is no instant.
    const instants = ['2000-01-01T00:00:00Z', '2024-06-12T00:00:00+05:30', '2100-01-01T00:00:00.5Z'];
    return [...[undefined, 1, 100].flatMap((first) => instants.map((since) => ({ since, first }))), { since: '2024-06-12' }];
  }
  if (has('since')) {
    // The version data/ was built as (nothing changed since it), one never published, one forged.
    const sinces = [DATA_VERSION, 'abcdef123456', 'v:x:a:y'];
    return [undefined, 1, 100].flatMap((first) => sinces.map((since) => ({ since, ...(has('first') ? { first } : {}) })));
  }
  if (has('query')) return WORDS.map((query, i) => ({ query, first: [undefined, 1, 5][i % 3], ...(i % 4 === 3 ? { filter: { language: language(i) } } : {}) }));
  if (has('prefix')) return PREFIXES.map((prefix, i) => ({ prefix, language: language(i), first: [undefined, 1, 20][i % 3] }));
  if (root === 'events') {
    const people = ofType('Person').map((d) => ({ person: d.slug }));
    const places = ofType('Place').slice(0, 40).map((d) => ({ place: d.slug }));
    const directions = ['ASC', 'DESC'];
    return [{}, ...people, ...places].map((filter, i) => ({ first: [undefined, 1, 3][i % 3], filter, orderBy: { direction: directions[i % 2] } }));
  }
  return [undefined, 0, 1, 20, 100, 101].flatMap((first) => LANGUAGES.map((lang) => ({ first, language: lang })));
}

/**
 * The soak phase: the traffic that once pushed an isolate past Workers' 128 MB, sent to the
 * warm worker (one isolate state) while the isolate's heap is read every 250 ms through the
 * inspector. Thousands of distinct article pages, person pages a page of articles at a time,
 * event pages, searches of the corpus's commonest words (distinct pages, so each is executed)
 * and type-ahead prefixes, interleaved at a fixed concurrency; every choice is a hash of the
 * request's number, so every run sends the same requests. Every answer must be 200 with data and no error.
 */
import { readFileSync } from 'node:fs';
import { encodeCursor } from '../src/model/page-range';
import { Inspector, type HeapUsage } from './isolate-heap';

export interface SoakFigures {
  requests: number;
  byKind: Record<string, number>;
  failures: number;
  failureExample?: string;
  seconds: number;
  /** Heap when the soak began and ended, and the highest readings in between. */
  before: HeapUsage;
  after: HeapUsage;
  peakUsedMiB: number;
  peakTotalMiB: number;
  samples: number;
  /** The caches' own accounts at the end (bench/worker/floor-worker.ts, /__bench/caches). */
  caches: unknown;
}

/**
 * Cursors name an item by its sort key (model/page-range.ts): deep pages are reached with keys
 * spread over the corpus (a publication date some days back; a search score below the top),
 * each with its offset as the hint, so distinct pages stay distinct.
 */
const dayBefore = (days: number) => new Date(Date.UTC(2025, 0, 1) - days * 86_400_000).toISOString().slice(0, 10);

const op = (name: string) => readFileSync(new URL(`../operations/${name}.graphql`, import.meta.url), 'utf8');

/** The commonest words of the generated corpus (tools/fixtures/corpus.ts) and its names, both scripts. */
const COMMON = ['सरकार', 'बैठक', 'दौरा', 'नेता', 'सहयोग', 'पुतिन', 'किम', 'रूस', 'चीन', 'government', 'meeting', 'visit', 'leader', 'Putin', 'Russia', 'China', 'पुतिन किम', 'Kim Jong Un', 'सरकार बैठक'];
const PREFIXES = ['क', 'कि', 'किम', 'पु', 'पुत', 'व्ला', 'रू', 'k', 'ki', 'kim', 'p', 'pu', 'put', 'vla', 'mos', 'nor', 'sum', 'ru', 'ch', 'jo'];
const LANGUAGES = [null, 'hi', 'en'];

interface Request {
  kind: string;
  body: string;
}

/** A deterministic draw in [0, 1) for request i and purpose k (an integer hash, Wang's mix). */
function draw(i: number, k: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/**
 * `total` requests over a corpus of `articles` generated articles: in every ten, four article
 * pages, two person pages, one event page, two searches and one type-ahead.
 */
export function soakRequests(total: number, articles: number): Request[] {
  let draws = 0;
  const rand = () => draw(draws++, 7);
  const entities = (file: string) => (JSON.parse(readFileSync(`data/entities/${file}.json`, 'utf8')) as Array<{ slug: string }>).map((e) => e.slug);
  const people = entities('people');
  const events = entities('events');
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const queries = { article: op('article-page'), person: op('person-page'), event: op('event-page'), search: op('search'), suggest: op('type-ahead') };
  const plan = ['article', 'article', 'article', 'article', 'person', 'person', 'event', 'search', 'search', 'type-ahead'];
  const out: Request[] = [];
  let article = 0;
  for (let i = 0; i < total; i++) {
    const kind = plan[i % plan.length]!;
    let text: string;
    if (kind === 'article') {
      // Distinct articles spread over the whole corpus (a stride coprime with its size).
      article = (article + 7919) % articles;
      text = body(queries.article, { slug: `generated-${String(article + 1).padStart(6, '0')}` });
    } else if (kind === 'person') {
      const page = Math.floor(rand() * 2000);
      text = body(queries.person, { slug: pick(people), language: pick(LANGUAGES), ...(page ? { articlesAfter: encodeCursor([dayBefore(page), 'zzzz'], page * 20 - 1) } : {}) });
    } else if (kind === 'event') {
      text = body(queries.event, { slug: pick(events), language: pick(LANGUAGES) });
    } else if (kind === 'search') {
      const page = Math.floor(rand() * 50);
      text = body(queries.search, { query: pick(COMMON), first: 20, ...(page ? { after: encodeCursor([String(20 - page * 0.35), '0'], page * 20 - 1) } : {}) });
    } else {
      text = body(queries.suggest, { prefix: pick(PREFIXES), language: pick(LANGUAGES) });
    }
    out.push({ kind, body: text });
  }
  return out;
}

export async function soak(url: string, inspector: Inspector, requests: Request[], connections: number): Promise<SoakFigures> {
  const byKind: Record<string, number> = {};
  let failures = 0;
  let failureExample: string | undefined;
  const before = await inspector.heap();
  const tracker = inspector.track(250);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
        let problem: string | undefined;
        try {
          const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: r.body });
          const text = await response.text();
          const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
          if (response.status !== 200 || parsed.errors || parsed.data == null) problem = `${r.kind}: ${response.status} ${text.slice(0, 300)}`;
        } catch (error) {
          problem = `${r.kind}: ${String(error)}`;
        }
        if (problem) {
          failures += 1;
          failureExample ??= problem;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peaks = await tracker.stop();
  const after = await inspector.heap();
  const caches = (await (await fetch(`${url}/__bench/caches`)).json()) as unknown;
  return {
    requests: requests.length,
    byKind,
    failures,
    failureExample,
    seconds,
    before,
    after,
    peakUsedMiB: Math.max(peaks.peakUsedMiB, after.usedMiB),
    peakTotalMiB: Math.max(peaks.peakTotalMiB, after.totalMiB),
    samples: peaks.samples,
    caches,
  };
}

import fc from 'fast-check';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../tools/ingest/ingest';
import { articleFiles, buildDir, cleanUp, fixtures, freshDataDir, NOW } from './helpers';

/**
 * Fuzzing ingest with fast-check, from the real samples: each run mutates
 * one single-story input (ninjs 1.x/2.x/3.x, JSON-LD, one RSS item, a small page) by bytes,
 * text or JSON structure, ingests it, and checks that ingest
 * - never throws (every problem is a report line, never an exception or a stack trace);
 * - never writes when it reports a problem with the story;
 * - writes only files the real build accepts.
 * Fixed seed, bounded runs: seconds in CI, the same cases every time.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
// FUZZ_RUNS=500 npx vitest run tests/node/ingest/fuzz.test.ts fuzzes deeper, locally.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const sample = (p: string) => readFileSync(join(fixtures, p), 'utf8');
const rssItem = (() => {
  // The real Hindi feed cut to its first item: a one-story feed.
  const feed = sample('rss/mann-ki-baat-hindi_feed.xml');
  const first = feed.indexOf('<item>');
  const end = feed.indexOf('</item>', first) + '</item>'.length;
  return `${feed.slice(0, first)}${feed.slice(first, end)}</channel></rss>`;
})();
const kbsJsonLd = (() => {
  const html = sample('pages/kbs-1.html');
  const start = html.indexOf('<script type="application/ld+json">');
  return html.slice(start, html.indexOf('</script>', start) + '</script>'.length);
})();
const smallPage = `<!doctype html><html lang="ko"><head><meta charset="utf-8">${kbsJsonLd}</head><body><article>` +
  '<p>멕시코 도로 한복판에서 대거 행방이 묘연해졌던 수십명의 실종자들이 모두 발견됐습니다.</p><p>검찰은 경위를 파악하고 있습니다.</p></article></body></html>';

const SAMPLES: Array<[string, string]> = [
  ['ninjs3.json', sample('ninjs/v3.1_005_complex_text_article.json')],
  ['ninjs2.json', sample('ninjs/v2.1_tt_text_image_2.json')],
  ['ninjs1.json', sample('ninjs/realworld_superdesk_ninjs1x_ninjs1.json')],
  ['jsonld.json', sample('jsonld/bbc_simorgh_linkeddata_article_snapshot.jsonld.json').replace('"headline"', '"articleBody": "A body.\\n\\nA second paragraph.", "headline"')],
  ['feed.xml', rssItem],
  ['page.html', smallPage],
];

/** Text that breaks parsers: markup, entities, controls, surrogates, huge numbers, deep nesting. */
const hostile = fc.constantFrom(
  '<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&lol;', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<script>', '</p>', '"', '\\', '{', '}', '[', ']', ',', ':', 'null', '1e999', '\u0000', '\u0007', '\ud800',
  '\ufeff', '\u202e', '\r\n', '\t', 'é', '👍', 'क़', '\u200d', '[[[[[[[[[[', '<div><div><div>',
);

type Mutation = (text: string) => string | Uint8Array;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.oneof(hostile, fc.string({ maxLength: 8 }))).map(([n, s]) => (t: string) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([n, k]) => (t: string) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + t.slice(i + k);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, b]) => (t: string) => {
    const bytes = Buffer.from(t);
    bytes[n % bytes.length] = b;
    return bytes;
  }),
  // Structural: a JSON value somewhere in the document replaced by another.
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([n, v]) => (t: string) => {
    let doc: unknown;
    try {
      doc = JSON.parse(t);
    } catch {
      return t;
    }
    const holders: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) {
        x.forEach((c, i) => {
          holders.push([x, i]);
          walk(c);
        });
      } else if (x && typeof x === 'object') {
        for (const [k, c] of Object.entries(x)) {
          holders.push([x as Record<string, unknown>, k]);
          walk(c);
        }
      }
    };
    walk(doc);
    if (holders.length === 0) return t;
    const [holder, key] = holders[n % holders.length]!;
    (holder as Record<string | number, unknown>)[key] = v;
    return JSON.stringify(doc);
  }),
);

afterAll(cleanUp);

describe('fuzzing ingest from the samples', () => {
  for (const [name, text] of SAMPLES) {
    it(`${name}: no exception, no write with a problem, only files the build accepts`, async () => {
      const dir = freshDataDir();
      const input = join(dir, '..', 'in', name);
      mkdirSync(join(dir, '..', 'in'), { recursive: true });
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          rmSync(join(dir, 'articles'), { recursive: true, force: true });
          let content: string | Uint8Array = text;
          for (const m of mutations) content = m(typeof content === 'string' ? content : Buffer.from(content).toString('latin1'));
          writeFileSync(input, content);
          const report = await ingest([input], { dataDir: dir, now: NOW });
          for (const p of report.problems) {
            expect(p.message.length).toBeGreaterThan(0);
            expect(p.message).not.toMatch(/\n\s+at /);
          }
          const files = articleFiles(dir);
          if (report.problems.length > 0) expect(files.size).toBe(0);
          else {
            expect(files.size + report.changes.filter((c) => c.action !== 'created').length).toBe(report.changes.length);
            const built = await buildDir(dir);
            if (!built.ok) throw new Error(`ingest wrote what the build refuses: ${JSON.stringify(built.problems.slice(0, 2))}`);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }, 120_000);
  }
});

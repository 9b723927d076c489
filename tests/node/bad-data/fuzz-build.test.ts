import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../tools/compile/run-build';
import { readSourceFiles } from '../../../tools/data/source-files';
import { PEOPLE, SEED } from './catalog';

/**
 * Generated and mutated data files through the build CLI's own code (runBuild: files on disk,
 * output on disk), fixed seed, bounded count. For every input:
 * - the build never throws: it exits 0 or 1;
 * - exit 1 reports at least one problem, each `file: pointer: message` on one line without
 *   raw control characters, and writes nothing;
 * - exit 0 reports nothing, and only for input that is valid UTF-8 with no lone surrogate or
 *   stray control character anywhere;
 * - exit 0 publishes every headline and paragraph exactly as the file held it (the API side
 *   of the round trip is tests/worker/text-round-trip.test.ts).
 */
const seedFiles = new Map(readSourceFiles('data').map((f) => [f.path, (f as { bytes: Uint8Array }).bytes]));
const seedArticle = JSON.parse(new TextDecoder().decode(seedFiles.get(SEED))) as Record<string, unknown>;
const root = mkdtempSync(join(tmpdir(), 'fuzz-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Pieces a newsroom's text is made of, and the ones a broken export adds. */
const PIECES = [
  'पुतिन', 'किम जोंग उन', 'Putin', 'a', ' ', '।', 'क़', 'e\u0301', '😀', '👩‍👩‍👧', '\u200d', '\u200c', 'ﬁ', '"', '\\', '/', '\t', '\n',
  '\r', '\u0000', '\u0007', '\u0085', '\u007f', '\ud800', '\udfff', '\ufeff', '\ufffd', '\u2028', '\u00a0',
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
/** Half the time only pieces a valid file may hold, so that accepted files are many too. */
const BROKEN = new Set(['\r', '\u0000', '\u0007', '\u0085', '\u007f', '\ud800', '\udfff']);
const CLEAN = PIECES.filter((p) => !BROKEN.has(p));
const hostileText = fc
  .oneof(fc.array(piece, { maxLength: 12 }), fc.array(fc.constantFrom(...CLEAN), { minLength: 1, maxLength: 12 }))
  .map((p) => p.join(''));

/** An article file: mostly the right shape, with hostile text and now and then a wrong field. */
const generatedArticle = fc
  .record({
    slug: fc.oneof({ weight: 4, arbitrary: fc.constant('fuzz-article') }, { weight: 1, arbitrary: fc.constantFrom('Fuzz', 'fuzz--a', 'x'.repeat(130)) }),
    language: fc.constantFrom('hi', 'en', 'hi-IN', 'hi', 'en', 'x', 'h\u0000i'),
    headline: hostileText,
    datePublished: fc.constantFrom('2024-06-12', '2025-01-01', '2024-02-30', '2024-6-1'),
    paragraphs: fc.array(hostileText, { minLength: 0, maxLength: 4 }),
    extra: fc.option(fc.constantFrom({ extra: 1 }, { events: ['nowhere'] }, { about: ['vladimir-putin'] }), { nil: undefined }),
  })
  .map(({ extra, ...a }) => ({ file: `articles/${a.slug}.json`, json: { ...a, ...extra } }));

/** Byte-level damage to a seed file: flips, insertions, deletions, a cut, a BOM. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), byte: fc.constant(0) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), byte: fc.constant(0) }),
  fc.record({ op: fc.constant('bom' as const), at: fc.constant(0), byte: fc.constant(0) }),
);
type Mutation = { op: 'flip' | 'insert' | 'delete' | 'cut' | 'bom'; at: number; byte: number };

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  const out = [...bytes];
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.op === 'flip') out[at] = m.byte;
    else if (m.op === 'insert') out.splice(at, 0, m.byte);
    else if (m.op === 'delete') out.splice(at, 1);
    else if (m.op === 'cut') out.length = at;
    else out.unshift(0xef, 0xbb, 0xbf);
  }
  return new Uint8Array(out);
}

const damagedSeed = fc
  .record({ file: fc.constantFrom(SEED, PEOPLE), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
  .map(({ file, mutations }) => ({ file, bytes: mutate(seedFiles.get(file)!, mutations) }));

/** A seed article with hostile text in place of some of its own. */
const seedWithText = fc.record({ headline: hostileText, paragraph: hostileText, at: fc.nat(4) }).map(({ headline, paragraph, at }) => {
  const paragraphs = [...(seedArticle.paragraphs as string[])];
  paragraphs[at] = paragraph;
  return { file: SEED, json: { ...seedArticle, headline, paragraphs } };
});

/** people.json with one more person whose names are generated. */
const seedPeople = JSON.parse(new TextDecoder().decode(seedFiles.get(PEOPLE))) as unknown[];
const generatedPerson = fc
  .record({
    slug: fc.constantFrom('fuzz-person', 'fuzz-person', 'Fuzz Person'),
    defaultLanguage: fc.constantFrom('hi', 'en'),
    names: fc.record({ hi: hostileText, en: hostileText }),
    aliases: fc.array(fc.record({ language: fc.constantFrom('hi', 'en'), value: hostileText }), { maxLength: 3 }),
  })
  .map((person) => ({ file: PEOPLE, bytes: new TextEncoder().encode(JSON.stringify([...seedPeople, person])) }));

const input = fc.oneof(
  generatedPerson,
  generatedArticle.map((a) => ({ file: a.file, bytes: new TextEncoder().encode(JSON.stringify(a.json)) })),
  seedWithText.map((a) => ({ file: a.file, bytes: new TextEncoder().encode(JSON.stringify(a.json)) })),
  damagedSeed,
);

/** What exit 0 requires of every string: well formed, no control character but tab/newline. */
function cleanText(value: unknown): boolean {
  if (typeof value === 'string') {
    try {
      encodeURIComponent(value); // throws URIError on a lone surrogate
    } catch {
      return false;
    }
    return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value); // eslint-disable-line no-control-regex
  }
  if (Array.isArray(value)) return value.every(cleanText);
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => cleanText(k) && cleanText(v));
  return true;
}

let run = 0;
describe('the build step on generated and damaged files', () => {
  it('exits 0 or 1, reports what it refuses, writes only what it accepts, changes no text', async () => {
    const outcomes = { built: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(input, async (change) => {
        const dir = join(root, `run-${run++}`);
        const files = new Map(seedFiles);
        files.set(change.file, change.bytes);
        for (const [path, bytes] of files) {
          mkdirSync(dirname(join(dir, 'data', path)), { recursive: true });
          writeFileSync(join(dir, 'data', path), bytes);
        }
        const out: string[] = [];
        const err: string[] = [];
        const code = await runBuild(join(dir, 'data'), join(dir, 'out'), { out: (l) => out.push(l), err: (l) => err.push(l), builtAt: '2026-01-01T00:00:00Z' });

        if (code === 1) {
          outcomes.refused += 1;
          expect(err.length).toBeGreaterThanOrEqual(2);
          for (const line of err.slice(1)) {
            expect(line).toMatch(/^ {2}\S.*: \/\S*: \S/);
            expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/); // eslint-disable-line no-control-regex
          }
          expect(existsSync(join(dir, 'out'))).toBe(false);
        } else {
          outcomes.built += 1;
          expect(code).toBe(0);
          expect(err).toEqual([]);
          const written = readFileSync(join(dir, 'out', 'kv-data.json'), 'utf8');
          const entries = JSON.parse(written) as Array<{ key: string; value: string }>;
          for (const [path, bytes] of files) {
            const json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
            expect(cleanText(json)).toBe(true);
            if (path === PEOPLE) {
              // Every name and alias is published as written (entity documents, key e:<slug>).
              for (const person of json as Array<{ slug: string; names: Record<string, string>; aliases: Array<{ value: string }> }>) {
                const doc = JSON.parse(entries.find((e) => e.key.endsWith(`:e:${person.slug}`))!.value) as { names: Array<{ value: string }>; aliases: Array<{ value: string }> };
                expect(doc.names.map((n) => n.value).sort()).toEqual(Object.values(person.names).sort());
                expect(doc.aliases.map((a) => a.value)).toEqual((person.aliases ?? []).map((a) => a.value));
              }
            }
            if (!path.startsWith('articles/')) continue;
            const article = json as { slug: string; headline: string; paragraphs: string[] };
            const stored = entries.find((e) => e.key.endsWith(`:a:${article.slug}`));
            expect(stored).toBeDefined();
            const doc = JSON.parse(stored!.value) as { headline: string; paragraphs: string[] };
            expect(doc.headline).toBe(article.headline);
            expect(doc.paragraphs).toEqual(article.paragraphs);
          }
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { seed: 15, numRuns: 200 },
    );
    // Both sides must be reached: a fuzzer that only ever fails proves nothing about output.
    expect(outcomes.built).toBeGreaterThan(15);
    expect(outcomes.refused).toBeGreaterThan(100);
    console.log(`fuzz-build: ${outcomes.built} built, ${outcomes.refused} refused`);
  }, 120_000);
});

import { readSourceFiles } from '../../../tools/data/source-files';
import type { SourceFile } from '../../../tools/data/read-data-set';

/**
 * Bad data as a newsroom's files arrive, each with what the build must answer: the exact
 * problems (file, place, message) or acceptance. bad-data.test.ts runs every case through the
 * build step; docs/input-limits.md shows the table it renders from them.
 */
export const SEED = 'articles/putin-to-visit-north-korea-next-week.json';
export const PEOPLE = 'entities/people.json';

type Json = Record<string, unknown> & { paragraphs: string[] };

export interface BadInput {
  name: string;
  /** The files it replaces in a copy of data/ (a seed file changed, or a new file). */
  files: (seed: Json, people: Array<Record<string, unknown>>) => SourceFile[];
  /** Every problem the build reports (in order), or [] when the data is accepted. */
  problems: RegExp[];
}

const encoder = new TextEncoder();
const bytes = (path: string, ...parts: Array<string | number[]>): SourceFile => ({
  path,
  bytes: new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...encoder.encode(p)] : p))),
});
const text = (path: string, value: unknown): SourceFile => ({ path, text: JSON.stringify(value, null, 2) });
/** The seed article, changed, as text. */
const seedWith = (seed: Json, change: (a: Json) => Json): SourceFile => text(SEED, change(structuredClone(seed)));
/** The seed article with `insert` in its first paragraph at character `at`. */
const firstParagraph = (seed: Json, insert: string, at = 10): SourceFile =>
  seedWith(seed, (a) => ({ ...a, paragraphs: [a.paragraphs[0]!.slice(0, at) + insert + a.paragraphs[0]!.slice(at), ...a.paragraphs.slice(1)] }));
/** The seed article's JSON text with raw bytes in place of its headline's first character. */
const headlineBytes = (seed: Json, raw: number[]): SourceFile => {
  const json = JSON.stringify(seed);
  const at = json.indexOf(String(seed.headline));
  return bytes(SEED, json.slice(0, at), raw, json.slice(at + 1));
};

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'Latin-1 byte (é saved as 0xE9) in an article',
    files: (seed) => [headlineBytes(seed, [0xe9])],
    problems: [/^articles\/putin-to-visit-north-korea-next-week\.json: \/: is not valid UTF-8: byte offset \d+ \(bytes E9 /],
  },
  {
    name: 'overlong UTF-8 (C0 AF for "/")',
    files: (seed) => [headlineBytes(seed, [0xc0, 0xaf])],
    problems: [/: \/: is not valid UTF-8: byte offset \d+ \(bytes C0 AF/],
  },
  {
    name: 'UTF-8-encoded surrogate (ED A0 80)',
    files: (seed) => [headlineBytes(seed, [0xed, 0xa0, 0x80])],
    problems: [/: \/: is not valid UTF-8: byte offset \d+ \(bytes ED A0 80/],
  },
  {
    name: 'file cut inside a character',
    files: (seed) => [bytes(SEED, JSON.stringify(seed).slice(0, 200), [0xe0, 0xa4])],
    problems: [/: \/: is not valid UTF-8: byte offset \d+ \(bytes E0 A4\); save the file as UTF-8$/],
  },
  {
    name: 'invalid UTF-8 in people.json (articles naming its people are not reported again)',
    files: (_seed, people) => [bytes(PEOPLE, JSON.stringify(people).slice(0, 50), [0xff], JSON.stringify(people).slice(51))],
    problems: [/^entities\/people\.json: \/: is not valid UTF-8: byte offset 50 \(bytes FF/],
  },
  {
    name: 'byte-order mark (EF BB BF) at the start of a file',
    files: (seed, people) => [bytes(SEED, [0xef, 0xbb, 0xbf], JSON.stringify(seed)), bytes(PEOPLE, [0xef, 0xbb, 0xbf], JSON.stringify(people))],
    problems: [],
  },
  {
    name: 'lone surrogate (\\ud800) in a paragraph',
    files: (seed) => [firstParagraph(seed, '\ud800')],
    problems: [/: \/paragraphs\/0: the text has a lone surrogate \(U\+D800\), at character 10$/],
  },
  {
    name: 'lone low surrogate (\\udc00) in a name key',
    files: (_seed, people) => [text(PEOPLE, people.map((p, i) => (i === 1 ? { ...p, names: { ...(p.names as object), 'x\udc00': 'y' } } : p)))],
    problems: [/^entities\/people\.json: \/1\/names\/x\\udc00: the key has a lone surrogate \(U\+DC00\), at character 1$/],
  },
  {
    name: 'control character (BEL, U+0007) in a headline',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, headline: `ab\u0007${String(a.headline)}` }))],
    problems: [/: \/headline: the text has the control character U\+0007; only tab and newline are allowed, at character 2$/],
  },
  {
    name: 'NUL (U+0000) in an alias',
    files: (_seed, people) => [text(PEOPLE, people.map((p, i) => (i === 0 ? { ...p, aliases: [{ language: 'en', value: 'Put\u0000in' }] } : p)))],
    problems: [/^entities\/people\.json: \/0\/aliases\/0\/value: the text has the control character U\+0000.*at character 3$/],
  },
  {
    name: 'C1 control (NEL, U+0085) in a paragraph',
    files: (seed) => [firstParagraph(seed, '\u0085', 0)],
    problems: [/: \/paragraphs\/0: the text has the control character U\+0085.*at character 0$/],
  },
  {
    name: 'carriage return (U+000D) in a paragraph',
    files: (seed) => [firstParagraph(seed, '\r\n')],
    problems: [/: \/paragraphs\/0: the text has the control character U\+000D/],
  },
  {
    name: 'tab and newline in a paragraph',
    files: (seed) => [firstParagraph(seed, '\t\n')],
    problems: [],
  },
  {
    name: 'one empty alias in people.json (no cascade of "is no entity")',
    files: (_seed, people) => [text(PEOPLE, people.map((p, i) => (i === 0 ? { ...p, aliases: [...(p.aliases as object[]), { language: 'en', value: '' }] } : p)))],
    problems: [/^entities\/people\.json: \/0\/aliases\/\d+\/value: must not be empty$/],
  },
  {
    name: 'a key twice in one object (JSON.parse would keep the last)',
    files: (seed) => [{ path: SEED, text: JSON.stringify(seed, null, 2).replace('{\n', '{\n  "headline": "पहला",\n') }],
    problems: [/^articles\/putin-to-visit-north-korea-next-week\.json: \/: has the key "headline" twice \(lines 2 and \d+\); only one may stay$/],
  },
  {
    name: 'people.json that is not JSON (no cascade)',
    files: () => [{ path: PEOPLE, text: '[{"slug": "vladimir-putin",' }],
    problems: [/^entities\/people\.json: \/: is not valid JSON: /],
  },
  {
    name: 'people.json that is an object, not an array',
    files: () => [text(PEOPLE, { slug: 'vladimir-putin' })],
    problems: [/^entities\/people\.json: \/: must be a JSON array of entities$/],
  },
  {
    name: 'an article of 27 MB (over a KV value)',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, paragraphs: [...a.paragraphs, 'a'.repeat(27_000_000)] }))],
    problems: [/: \/: is 27,\d{3},\d{3} bytes \(25\.\d MiB\) as stored \(KV key v:<version>:a:putin-to-visit-north-korea-next-week\); a KV value is at most 26,214,400 bytes \(25 MiB\)/],
  },
  {
    name: 'a paragraph of 10 million characters, one word (fits a KV value)',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, paragraphs: [...a.paragraphs, 'a'.repeat(10_000_000)] }))],
    problems: [],
  },
  {
    name: 'JSON nested 100,000 levels deep',
    // Written as text: JSON.stringify itself would overflow the stack on it.
    files: (seed) => [{ path: SEED, text: `${JSON.stringify(seed).slice(0, -1)},"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }],
    problems: [/: \/: Unrecognized key: "extra"$/],
  },
  {
    name: 'language tag of 600 characters (would pass KV\'s key limit in a list name)',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, language: `hi${'-abcdefgh'.repeat(66)}` }))],
    problems: [/: \/language: Too big: expected string to have <=35 characters$/],
  },
  {
    name: 'a name of 10,000 characters',
    files: (_seed, people) => [text(PEOPLE, people.map((p, i) => (i === 0 ? { ...p, names: { ...(p.names as object), en: 'P'.repeat(10_000) } } : p)))],
    problems: [/^entities\/people\.json: \/0\/names\/en: must be at most 200 characters/],
  },
  {
    name: 'a data file over 256 MiB',
    files: () => [{ path: SEED, bytes: new Uint8Array(), unreadSize: 300 * 1024 * 1024 }],
    problems: [/: \/: is 314,572,800 bytes \(300 MiB\); data files over 268,435,456 bytes \(256 MiB\) are not read$/],
  },
  {
    name: 'a body block of a kind the format does not know',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, body: [0, { type: 'carousel', items: [1] }, 2, 3, 4] }))],
    problems: [/: \/body\/1: must be a paragraph index or a block whose type is one of paragraph, heading, quote, list, image, embed, table$/],
  },
  {
    name: 'a body that skips a paragraph, and a mark past the end of its text',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, body: [0, 1, { type: 'heading', level: 2, paragraph: 2, marks: [{ start: 0, end: 9999, type: 'emphasis' }] }, 4] }))],
    problems: [/: \/body\/2\/marks\/0\/end: is past the end of its text \(\d+ UTF-16 code units\)$/],
  },
  {
    name: 'a body that leaves a paragraph out',
    files: (seed) => [seedWith(seed, (a) => ({ ...a, body: [0, 1, { type: 'quote', paragraph: 2 }, 4] }))],
    problems: [/: \/body: must name every paragraph once, in order \(0 to 4\); it names 4 where paragraph 3 is due$/],
  },
];

/** The seed data as files, with a case's files in place of (or beside) the originals. */
export function dataWith(input: BadInput): SourceFile[] {
  const seedFiles = readSourceFiles('data');
  const json = (path: string) => JSON.parse(new TextDecoder().decode((seedFiles.find((f) => f.path === path) as { bytes: Uint8Array }).bytes)) as unknown;
  const replaced = input.files(json(SEED) as Json, json(PEOPLE) as Array<Record<string, unknown>>);
  return [...seedFiles.filter((f) => !replaced.some((r) => r.path === f.path)), ...replaced];
}

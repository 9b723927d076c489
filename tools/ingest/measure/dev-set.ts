import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { junkKind } from '../boilerplate';
import { readStories, type StoryJson } from '../story-json';
import { pageF1, sameTokens, shingleMatch, tokenize, totals, type Shingles } from './shingles';

/**
 * The project's own multilingual dev set: `<id>.html.gz` pages with `<id>.gold.json` files
 * checked by hand (format in the set's README.md). Each page is read as
 * `npm run ingest -- --dry-run --json` reads it and compared with its gold file.
 */
export interface Gold {
  split: 'dev' | 'heldout';
  kind: 'article' | 'non-article';
  source: string;
  licence: string;
  headline?: string;
  language?: string;
  /** RFC 3339 with offset, a date, or null when the page gives none. */
  datePublished?: string | null;
  first?: string;
  last?: string;
  paragraphs?: number;
  /** The article text as checked, for body F1; paragraphs separated by blank lines. */
  body?: string;
  /** Texts that are on the page inside the article's markup but are not article text. */
  junk?: string[];
}

export interface PageResult {
  id: string;
  gold: Gold;
  got: StoryJson;
  rightly: boolean;
  f1?: Shingles;
  junk: number;
  paragraphs: number;
  headline?: boolean;
  date?: boolean;
  language?: boolean;
  first?: boolean;
  last?: boolean;
  ms: number;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** The instant to the second (pages give milliseconds or not). */
const seconds = (d: string) => Math.floor(Date.parse(d) / 1000);
/** Do two texts start (or end) with the same 6 tokens (fewer when either is shorter)? Tokens, not characters: spacing and punctuation differ between copies. */
function sameEdge(gold: string, got: string, edge: 'start' | 'end'): boolean {
  const a = tokenize(gold);
  const b = tokenize(got);
  const n = Math.min(6, a.length, b.length);
  if (n === 0) return false;
  return edge === 'start' ? a.slice(0, n).join(' ') === b.slice(0, n).join(' ') : a.slice(-n).join(' ') === b.slice(-n).join(' ');
}
const inText = (needle: string, hay: string) => tokenize(hay).join(' ').includes(tokenize(needle).join(' '));

/** A paragraph is junk when gold names it, or when most of it is not in the gold body. */
function isJunk(paragraph: string, gold: Gold): boolean {
  if (gold.junk?.some((j) => inText(j, paragraph))) return true;
  if (!gold.body) return junkKind(paragraph) !== undefined;
  if (tokenize(paragraph).length < 4) return !inText(paragraph, gold.body);
  const s = shingleMatch(gold.body, paragraph);
  return s.tp / Math.max(1e-9, s.tp + s.fp) < 0.5;
}

export async function measureDevSet(dir: string, progress: (line: string) => void): Promise<PageResult[]> {
  const ids = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  const results: PageResult[] = [];
  for (const id of ids) {
    const gold = JSON.parse(readFileSync(join(dir, `${id}.gold.json`), 'utf8')) as Gold;
    const t0 = performance.now();
    let got: StoryJson | undefined;
    for await (const s of readStories([join(dir, `${id}.html.gz`)], { now: new Date('2000-01-01T00:00:00Z') })) {
      got ??= s;
    }
    const ms = performance.now() - t0;
    const paragraphs = got!.body ? got!.body.split('\n\n') : [];
    const article = gold.kind === 'article';
    const r: PageResult = { id, gold, got: got!, rightly: article ? !got!.refused : !!got!.refused, junk: paragraphs.filter((p) => isJunk(p, gold)).length, paragraphs: paragraphs.length, ms };
    if (article) {
      r.f1 = gold.body ? shingleMatch(gold.body, paragraphs.join('\n')) : undefined;
      r.headline = gold.headline !== undefined ? norm(gold.headline) === norm(got!.headline ?? '') : undefined;
      r.language = gold.language !== undefined ? gold.language.split('-')[0]!.toLowerCase() === (got!.language ?? '').split('-')[0]!.toLowerCase() : undefined;
      if (gold.datePublished !== undefined) {
        r.date = gold.datePublished === null ? got!.datePublished === null
          : gold.datePublished.length > 10 ? seconds(gold.datePublished) === seconds(got!.datePublishedTime ?? '') : gold.datePublished === got!.datePublished;
      }
      r.first = gold.first ? sameEdge(gold.first, paragraphs[0] ?? '', 'start') : undefined;
      r.last = gold.last ? sameEdge(gold.last, paragraphs.at(-1) ?? '', 'end') : undefined;
    }
    results.push(r);
    progress(`dev set: ${results.length}/${ids.length} ${id} ${Math.round(ms)} ms`);
  }
  return results;
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`);
const mark = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : '**no**');

function summary(rs: PageResult[]): string {
  const articles = rs.filter((r) => r.gold.kind === 'article');
  const count = (key: 'headline' | 'date' | 'language' | 'first' | 'last') => {
    const known = articles.filter((r) => r[key] !== undefined);
    return pct(known.filter((r) => r[key]).length, known.length);
  };
  const scored = articles.filter((r) => r.f1);
  const t = totals(scored.map((r) => r.f1!), scored.map((r) => sameTokens(r.gold.body!, r.got.body?.split('\n\n').join('\n') ?? '')));
  const stored = articles.reduce((n, r) => n + r.paragraphs, 0);
  const junk = articles.reduce((n, r) => n + r.junk, 0);
  return `| ${rs.length} | ${pct(rs.filter((r) => r.rightly).length, rs.length)} | ${t.f1.toFixed(3)} (${scored.length}) | ${pct(junk, stored)} | ${count('headline')} | ${count('date')} | ${count('language')} | ${count('first')} | ${count('last')} |`;
}

export function tables(rs: PageResult[]): string {
  const head = '| pages | taken or refused rightly | body F1 (pages) | junk paragraphs | headline exact | date exact | language | first sentence | last sentence |\n|---|---|---|---|---|---|---|---|---|';
  const rows = rs.map((r) => `| ${r.id} | ${r.gold.split} | ${r.rightly ? 'yes' : '**no**'}${r.got.refused ? ` (refused: ${r.got.refused.slice(0, 80)})` : ''} | ${r.f1 ? pageF1(r.f1).toFixed(3) : ''} | ${r.junk}/${r.paragraphs} | ${mark(r.headline)} | ${mark(r.date)} | ${mark(r.language)} | ${mark(r.first)} | ${mark(r.last)} | ${Math.round(r.ms)} |`);
  return [
    '### Dev set: totals', '', '| part | ' + head.slice(2).split('\n')[0], '|---' + head.split('\n')[1],
    `| dev (tuned on) ${summary(rs.filter((r) => r.gold.split === 'dev'))}`,
    `| held-out ${summary(rs.filter((r) => r.gold.split === 'heldout'))}`,
    '', '### Dev set: per page', '',
    '| page | part | taken or refused rightly | body F1 | junk | headline | date | language | first | last | ms |', '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows, '',
  ].join('\n');
}

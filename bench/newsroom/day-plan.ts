/**
 * A newsroom's day as the bench replays it: when the desk publishes and what, and which
 * screens readers ask for in between. Pure and seeded, so two runs of the same size replay the
 * same day and an A/B comparison sees the same requests.
 */
import { seededRandom } from '../../tools/fixtures/corpus';

export type DeskKind = 'add' | 'correct' | 'withdraw' | 'rename';

export interface DeskAction {
  /** The publish's instant (UTC, RFC 3339): an added story carries it as its publication time. */
  at: string;
  kind: DeskKind;
  /** add: the new story's number (after the corpus's); correct/withdraw: a story added earlier that day, or of the corpus. */
  story: number;
}

/** Shares of the desk's publishes: mostly new stories, then corrections, takedowns and a rename or two a day. */
const MIX: Array<[DeskKind, number]> = [['add', 0.78], ['correct', 0.14], ['withdraw', 0.06], ['rename', 0.02]];
const DAY_MS = 86_400_000;

/**
 * `publishes` actions spread over the day starting at `day` (UTC midnight), busier from 06:00
 * to 22:00 (three in four fall there), each at a whole second. Corrections and withdrawals
 * take a story added earlier that day three times in four (a live desk fixes what it just
 * put out), else one of the corpus's `corpus` stories; a story is withdrawn at most once.
 */
export function dayPlan(publishes: number, corpus: number, day: string, seed = 1): DeskAction[] {
  const rand = seededRandom(seed);
  const start = Date.parse(`${day}T00:00:00Z`);
  const times = Array.from({ length: publishes }, () => {
    const busy = rand() < 0.75;
    const hour = busy ? 6 + rand() * 16 : (rand() * 8 + 22) % 24;
    return start + Math.floor((hour / 24) * DAY_MS / 1000) * 1000;
  }).sort((a, b) => a - b);
  const added: number[] = [];
  const gone = new Set<number>();
  return times.map((t) => {
    let kind = pick(rand());
    const live = added.filter((s) => !gone.has(s));
    if (kind !== 'add' && kind !== 'rename' && live.length === 0 && corpus === 0) kind = 'add';
    let story = corpus + added.length + 1;
    if (kind === 'add') added.push(story);
    else if (kind !== 'rename') {
      do story = rand() < 0.75 && live.length > 0 ? live[Math.floor(rand() * live.length)]! : 1 + Math.floor(rand() * corpus);
      while (gone.has(story));
      if (kind === 'withdraw') gone.add(story);
    }
    return { at: new Date(t).toISOString().replace('.000Z', 'Z'), kind, story };
  });
}

function pick(r: number): DeskKind {
  let sum = 0;
  for (const [kind, share] of MIX) if (r < (sum += share)) return kind;
  return 'add';
}

/**
 * A Zipf-like choice over `n` items ranked by popularity (rank 1 most read), exponent 1: the
 * skew of article readership (a few stories take most reads, a long tail the rest).
 */
export function zipfPicker(n: number, rand: () => number): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  return () => {
    const r = rand();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

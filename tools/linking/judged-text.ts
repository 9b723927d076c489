/**
 * The markup of the judged set: a paragraph as published, with each span a judge found to refer
 * to a KB entity written [[span|slug]]. Marks nest ("[[[[रूसी|russia]] राष्ट्रपति|vladimir-putin]]":
 * the Russian president refers to Putin, रूसी in it to Russia).
 */

export interface GoldSpan {
  start: number;
  end: number;
  slug: string;
}

const SLUG = /^\|([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/;

export function parseJudged(marked: string): { text: string; gold: GoldSpan[] } {
  let text = '';
  const open: number[] = [];
  const gold: GoldSpan[] = [];
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith('[[', i)) {
      open.push(text.length);
      i += 2;
      continue;
    }
    const close = open.length > 0 ? SLUG.exec(marked.slice(i)) : null;
    if (close) {
      gold.push({ start: open.pop()!, end: text.length, slug: close[1]! });
      i += close[0].length;
      continue;
    }
    text += marked[i];
    i += 1;
  }
  if (open.length > 0) throw new Error(`unclosed [[ at text offset ${open[0]}: ${marked.slice(0, 60)}`);
  return { text, gold: gold.sort((a, b) => a.start - b.start || b.end - a.end) };
}

export interface Scores {
  predicted: number;
  gold: number;
  correct: number;
  precision: number;
  recall: number;
}

/** Exact span and entity: a link to the right entity over the wrong span counts as wrong. */
export function score(pairs: Array<{ predicted: GoldSpan[]; gold: GoldSpan[] }>): Scores {
  const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.slug}`;
  let predicted = 0;
  let gold = 0;
  let correct = 0;
  for (const p of pairs) {
    const want = new Set(p.gold.map(key));
    predicted += p.predicted.length;
    gold += p.gold.length;
    correct += p.predicted.filter((s) => want.has(key(s))).length;
  }
  return { predicted, gold, correct, precision: predicted ? correct / predicted : 1, recall: gold ? correct / gold : 1 };
}

import type { GivenLink } from './source-links';
import type { ReviewItem } from './link-story';

/**
 * The curators' review report: each name that looks like an entity but is in no KB entry (or
 * names several and the context did not tell which), once, with how often it occurred and one
 * sentence where it did, most frequent first. Source links that matched nothing are listed too.
 */

export interface ReviewEntry {
  name: string;
  count: number;
  context: string;
  /** Where the first occurrence was, e.g. "data/articles/x.json" or a feed item's URI. */
  source: string;
  candidates?: string[];
}

/** The sentence around [start, end): from the last sentence end before it to the next after. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const ends = ['. ', '? ', '! ', '।', '\n'].map((s) => (before.includes(s) ? before.lastIndexOf(s) + s.length : 0));
  const from = Math.max(0, ...ends);
  const rest = /[.?!।\n]/.exec(text.slice(end));
  const to = rest ? end + rest.index + 1 : text.length;
  return text.slice(from, to).trim();
}

export class ReviewReport {
  private readonly entries = new Map<string, ReviewEntry>();

  add(source: string, paragraphs: string[], items: ReviewItem[], unmatched: GivenLink[] = []): void {
    for (const item of items) {
      const name = item.name.normalize('NFC');
      const entry = this.entries.get(name);
      if (entry) entry.count += 1;
      else {
        const context = sentenceAround(paragraphs[item.paragraph]!, item.start, item.end);
        this.entries.set(name, { name, count: 1, context, source, ...(item.candidates ? { candidates: item.candidates } : {}) });
      }
    }
    for (const link of unmatched) {
      const name = link.name ?? link.ids[0] ?? '';
      const entry = this.entries.get(name);
      if (entry) entry.count += 1;
      else this.entries.set(name, { name, count: 1, context: `given by the source: ${link.ids.join(' ') || 'no identifier'}`, source });
    }
  }

  entriesByCount(): ReviewEntry[] {
    return [...this.entries.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }
}

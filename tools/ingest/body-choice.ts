import { shingleMatch } from './measure/shingles';
import { proseShare } from './page-body';
import { placeholderIn } from './placeholder';

/**
 * Which of a page's candidate bodies to keep. Structured data comes first (JSON-LD
 * `articleBody`, a platform's embedded JSON, microdata), once validated: a placeholder
 * (`"articleBody": "articleBody"`, one word, the name of a field) or a body shorter than an
 * article's worth of text that the markup's own body outgrows is no body. When the markup's
 * paragraphs hold most of the same text (80% of its shingles, the benchmark's measure), they are kept
 * instead: structured bodies are often teasers, or lose the paragraph breaks.
 */
export interface Candidate {
  source: 'json-ld' | 'embedded' | 'microdata' | 'markup';
  paragraphs: string[];
}

/** Characters an article needs at least (Readability's default charThreshold is 500; news briefs run shorter). */
export const MIN_BODY_CHARS = 200;

/** Under this many characters, a structured body a third of the markup's is a teaser. */
const TEASER_CHARS = 1000;

const textOf = (ps: string[]) => ps.join('\n');

/** The share of `part`'s shingles that `whole` holds too (recall of part within whole). */
function covered(part: string, whole: string): number {
  const s = shingleMatch(part, whole);
  return s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
}

/** Why a structured body is refused, or undefined when it stands. */
export function structuredBodyProblem(paragraphs: string[], markup: string[], description?: string): string | undefined {
  const text = textOf(paragraphs).trim();
  if (!text) return 'is empty';
  const placeholder = placeholderIn(text) ?? paragraphs.map((p) => placeholderIn(p, false)).find(Boolean);
  if (placeholder) return `is a placeholder: ${placeholder}`;
  if (!/\s/.test(text) && text.length < 40) return `is a placeholder ("${text.slice(0, 40)}")`;
  const markupLength = textOf(markup).length;
  if (description && text.replace(/\s+/g, ' ') === description.replace(/\s+/g, ' ').trim() && markupLength > text.length) return 'is the description again';
  if (text.length < MIN_BODY_CHARS && markupLength > 2 * text.length) return `has ${text.length} characters where the page has ${markupLength}`;
  if (text.length < TEASER_CHARS && markupLength > 3 * text.length) return `is a teaser: ${text.length} characters where the page has ${markupLength}`;
  if (proseShare(paragraphs) < 1 / 3) return 'is not prose: most of it ends no sentence (a table, a list of links)';
  return undefined;
}

export function chooseBody(candidates: Candidate[], description?: string): { chosen?: Candidate; refused: string[] } {
  const markup = candidates.find((c) => c.source === 'markup')?.paragraphs ?? [];
  const refused: string[] = [];
  for (const c of candidates) {
    if (c.paragraphs.length === 0) continue;
    if (c.source === 'markup') return { chosen: c, refused };
    const problem = structuredBodyProblem(c.paragraphs, markup, description);
    if (problem) {
      refused.push(`${c.source} body ${problem}`);
      continue;
    }
    // Most of the structured text stands in the markup's body: the markup has it whole (a
    // structured body is often a teaser, or one paragraph without breaks).
    const inMarkup = markup.length > 0 && covered(textOf(c.paragraphs), textOf(markup)) >= 0.8;
    return { chosen: inMarkup && textOf(markup).length >= 0.9 * textOf(c.paragraphs).length ? { source: c.source, paragraphs: markup } : c, refused };
  }
  return { refused };
}

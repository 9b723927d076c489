import type { ArticleDoc } from '../model/documents';
import { analyze } from '../text/analyze';
import type { ParsedQuery } from './parse-query';

/**
 * Where a query's words stand in an article, so an app can mark them: paragraph index and
 * UTF-16 start/end in that paragraph's text (as Mention offsets are). A match in the headline
 * has paragraph -1 and offsets into the headline. A word matches when its analysed term is one
 * of the query's (so दौरे marks दौरा too), or when its name key is one of the query's plain
 * words' keys (so "putin" marks पुतिन). Matches through linked entities' names have no place
 * in the text and are not marked.
 */
export interface Highlight {
  paragraph: number;
  start: number;
  end: number;
}

/** A cap that keeps a long article's answer small; the first matches are the ones shown. */
export const MAX_HIGHLIGHTS = 50;

export function highlights(doc: Pick<ArticleDoc, 'headline' | 'paragraphs'>, query: ParsedQuery): Highlight[] {
  const terms = new Set<string>();
  const keys = new Set<string>();
  for (const alt of query.clauses.flatMap((c) => c.alternatives)) {
    if (alt.kind === 'word') {
      terms.add(alt.term);
      if (alt.key) keys.add(alt.key);
    } else alt.terms.forEach((t) => terms.add(t));
  }
  const out: Highlight[] = [];
  [doc.headline, ...doc.paragraphs].forEach((text, i) => {
    for (const token of analyze(text)) {
      if (out.length >= MAX_HIGHLIGHTS) return;
      if ((token.term && terms.has(token.term)) || (token.key && keys.has(token.key))) {
        out.push({ paragraph: i - 1, start: token.start, end: token.end });
      }
    }
  });
  return out;
}

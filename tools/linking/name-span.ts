/**
 * A name the candidate finder found in a story's text: where it stands (paragraph and UTF-16
 * offsets, as mentions give them) and how it reads. Its own file because the finders by script
 * (unknown-names.ts for spaced scripts, cjk-names.ts, hindi-names.ts) all produce it.
 */
export interface NameSpan {
  paragraph: number;
  start: number;
  end: number;
  name: string;
  /** A title or honorific stood before it: a sign of a person's name. */
  titled?: boolean;
}

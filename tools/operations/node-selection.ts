/**
 * The `{ ... }` selection of the first `node {` after `after` in an operation's text: what a
 * list or a change carries of each node, so that a yardstick fetches the same fields of the
 * same nodes alone (`nodes(ids:)`). Text only: braces balance in an operation's selections.
 */
export function nodeSelection(text: string, after: string): string {
  const open = text.indexOf('{', text.indexOf('node {', text.indexOf(after)));
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
    if (depth === 0) return text.slice(open, i + 1);
  }
  throw new Error(`no node selection after ${after}`);
}

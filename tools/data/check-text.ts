import { jsonPointer, type Problem } from './problems';

/**
 * Text in the data is Unicode text as published: every string and every object key must be
 * a sequence of Unicode scalar values (no lone surrogate, which JSON's \ud800 escape can still
 * spell and which no UTF-8 encoder can write) and hold no control character (Unicode general
 * category Cc) other than tab and newline: a NUL, a form feed or a C1 control is an artefact
 * of a broken export, invisible in an editor and in the page.
 */

/** The first offence in a string, with its UTF-16 offset, or null. */
export function textOffence(text: string): { offset: number; what: string } | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return { offset: i, what: `a lone surrogate (U+${code(c)})` };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { offset: i, what: `a lone surrogate (U+${code(c)})` };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) {
      return { offset: i, what: `the control character U+${code(c)}; only tab and newline are allowed` };
    }
  }
  return null;
}

const code = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

/** A path as a linked list, so a deep document costs one node a level, not a copy. */
interface PathNode {
  parent: PathNode | null;
  key: PropertyKey;
}

function toPath(node: PathNode | null): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let n = node; n; n = n.parent) path.push(n.key);
  return path.reverse();
}

/**
 * Every string and key of a parsed JSON value that breaks the rule, one problem each, at its
 * JSON Pointer. Iterative (an explicit stack), so a deeply nested file cannot overflow it.
 */
export function textProblems(file: string, json: unknown): Problem[] {
  const problems: Problem[] = [];
  const report = (at: PathNode | null, text: string, what: string) => {
    const found = textOffence(text);
    if (found) problems.push({ file, path: jsonPointer(toPath(at)), message: `${what} has ${found.what}, at character ${found.offset}` });
  };
  const stack: Array<[unknown, PathNode | null]> = [[json, null]];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (typeof value === 'string') report(at, value, 'the text');
    else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, { parent: at, key: i }]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const child = { parent: at, key: k };
        report(child, k, 'the key');
        stack.push([v, child]);
      }
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

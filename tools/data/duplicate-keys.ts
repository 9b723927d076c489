import { jsonPointer } from './problems';

/**
 * Object keys that appear twice in one object of a JSON text. RFC 8259 (section 4) says names
 * SHOULD be unique and that receivers then behave unpredictably; JSON.parse keeps the last
 * value, silently dropping the first. The build refuses instead, naming both lines.
 *
 * Runs on text JSON.parse has accepted, so it only needs to find strings and brackets; it is a
 * loop with an explicit stack, so deeply nested input cannot overflow it.
 */
export interface DuplicateKey {
  /** JSON Pointer of the object holding the key twice. */
  object: string;
  key: string;
  firstLine: number;
  line: number;
}

interface Frame {
  /** Keys seen so far, with the line of each; absent for arrays. */
  keys?: Map<string, number>;
  /** The object's own path segment under its parent, and the array index counter. */
  segment: PropertyKey | null;
  index: number;
  /** The key whose value is being read (objects). */
  pending: string | null;
}

export function duplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let line = 1;
  // The pointer of the innermost object: the segments of every frame below the root.
  const path = () => stack.slice(1).map((f) => f.segment!);
  const childSegment = (): PropertyKey | null => {
    const top = stack.at(-1);
    if (!top) return null;
    return top.keys ? top.pending : top.index;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line += 1;
    else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Map() : undefined, segment: childSegment(), index: 0, pending: null });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top && !top.keys) top.index += 1;
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      let next = end + 1;
      while (next < text.length && /\s/.test(text[next]!)) next += 1;
      if (top?.keys && text[next] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) found.push({ object: jsonPointer(path()), key, firstLine: first, line });
        else top.keys.set(key, line);
        top.pending = key;
      }
      i = end;
    }
  }
  return found;
}

import type { z } from 'zod';

/** One thing wrong with the data: which file, where in it (a JSON Pointer), and what. */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

/** JSON Pointer (RFC 6901) of a path into a document. */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('') || '/';
}

export function fromZodIssues(file: string, issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): Problem[] {
  return issues.map((issue) => ({
    file,
    path: jsonPointer([...prefix, ...issue.path]),
    message: issue.message,
  }));
}

/**
 * One line for a terminal: control characters and lone surrogates in a path or message (a key
 * or a name may hold them) are shown as \uXXXX escapes, never written raw or as U+FFFD.
 */
export const formatProblem = (p: Problem): string => `${p.file}: ${visible(p.path)}: ${visible(p.message)}`;

const visible = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) out += text[i]! + text[++i]!;
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += text[i];
  }
  return out;
};

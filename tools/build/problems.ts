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

export const formatProblem = (p: Problem): string => `${p.file}: ${p.path}: ${p.message}`;

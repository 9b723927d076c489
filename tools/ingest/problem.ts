/**
 * A problem with one input or one item of it: the file or URL, where in it (a JSON Pointer
 * into JSON, `item N` of a feed, `line N`), and what is wrong. Ingest reports every problem
 * and writes nothing for an item that has one.
 */
export interface IngestProblem {
  source: string;
  where: string;
  message: string;
}

/** An error that carries its place, thrown by readers and caught per file or per item. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly where = '/',
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export const formatIngestProblem = (p: IngestProblem): string => `${p.source}: ${p.where}: ${p.message}`;

/** The message of anything thrown, for a report: never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'is nested too deeply to read';
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The media type graphql-yoga answers a (non-streamed) GraphQL result with, for an Accept
 * header: GraphQL-over-HTTP's `application/graphql-response+json` or `application/json`.
 *
 * It follows yoga's own negotiation (graphql-yoga plugins/use-result-processor.ts, 5.x) so the
 * edge cache can key and tag an answer by what it holds before producing it: q-values are
 * ignored, ranges only that are not UTF-8 are skipped, the first listed range that matches
 * wins, and a range matching both (`*\/*`, `application/*`) gets `application/json`. No Accept
 * header is `*\/*`. Null: no JSON type is acceptable (yoga answers 406 or a stream).
 * tests/worker/edge-cache.test.ts checks this against the content type yoga sends.
 */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const JSON_MEDIA_TYPE = 'application/json';
const ANSWERED = [GRAPHQL_RESPONSE_JSON, JSON_MEDIA_TYPE];

/** Answers by Accept header: clients send a handful of spellings, each request asks again. */
const negotiated = new Map<string, string | null>();
const MAX_NEGOTIATED = 64;

export function negotiatedMediaType(accept: string | null): string | null {
  const header = accept ?? '';
  let answer = negotiated.get(header);
  if (answer !== undefined) return answer;
  answer = negotiate(accept);
  // Bounded: a client inventing a header per request must not grow the isolate's memory.
  if (negotiated.size >= MAX_NEGOTIATED) negotiated.clear();
  negotiated.set(header, answer);
  return answer;
}

function negotiate(accept: string | null): string | null {
  const ranges = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  for (const range of ranges) {
    const [type, ...params] = range.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (!type || charset !== 'charset=utf-8') continue;
    const matching = ANSWERED.filter((answered) => matches(answered, type));
    if (matching.length > 0) return matching[matching.length - 1]!;
  }
  return null;
}

function matches(answered: string, range: string): boolean {
  const [type, subtype] = answered.split('/');
  const [rangeType, rangeSubtype] = range.split('/');
  return (rangeType === '*' || rangeType === type) && (rangeSubtype === '*' || rangeSubtype === subtype);
}

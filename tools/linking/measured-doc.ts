/** The part of docs/ingest-linking.md that `npm run linking:measure` writes and the test checks. */
const START = '<!-- linking:measure -->';
const END = '<!-- /linking:measure -->';

export function measuredPart(doc: string): string | undefined {
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  return from >= 0 && to > from ? doc.slice(from + START.length, to).trim() : undefined;
}

export function replaceMeasured(doc: string, figures: string): string {
  if (measuredPart(doc) === undefined) throw new Error(`docs/ingest-linking.md has no ${START} ... ${END} block`);
  return doc.slice(0, doc.indexOf(START) + START.length) + `\n${figures}\n` + doc.slice(doc.indexOf(END));
}

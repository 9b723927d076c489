/**
 * Generated parts of a doc, between `<!-- NAME -->` and `<!-- /NAME -->`: `npm run
 * linking:measure` writes the linking figures of docs/ingest-linking.md (which the test
 * checks), `npm run bench:kb` the KB-scale table beside them.
 */
const markers = (name: string) => [`<!-- ${name} -->`, `<!-- /${name} -->`] as const;

export function markedPart(doc: string, name: string): string | undefined {
  const [start, end] = markers(name);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  return from >= 0 && to > from ? doc.slice(from + start.length, to).trim() : undefined;
}

export function replaceMarked(doc: string, name: string, figures: string): string {
  const [start, end] = markers(name);
  if (markedPart(doc, name) === undefined) throw new Error(`the doc has no ${start} ... ${end} block`);
  return doc.slice(0, doc.indexOf(start) + start.length) + `\n${figures}\n` + doc.slice(doc.indexOf(end));
}

export const measuredPart = (doc: string): string | undefined => markedPart(doc, 'linking:measure');
export const replaceMeasured = (doc: string, figures: string): string => replaceMarked(doc, 'linking:measure', figures);

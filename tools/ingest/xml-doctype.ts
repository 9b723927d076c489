import { Tokenizer } from 'htmlparser2';
import { IngestError } from './problem';

/**
 * Refuses an XML document whose DOCTYPE has an internal subset (`<!DOCTYPE rss [ ... ]>`), the
 * only place entities can be declared: the door of entity-expansion bombs ("billion laughs")
 * and external entities (XXE, `<!ENTITY x SYSTEM "file:///etc/passwd">`). No feed format needs
 * one (RSS 0.91's DOCTYPE names an external DTD and has no subset), so, as defusedxml does for
 * Python, ingest refuses it outright instead of trusting the parser's limits. fast-xml-parser
 * would not read an external entity either; this makes the answer one clear error.
 * Read by htmlparser2's tokenizer in XML mode, up to the first element.
 */
export function checkNoDtdSubset(xml: string): void {
  let subset = false;
  const noop = () => {};
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, {
    ondeclaration(start, end) {
      const decl = xml.slice(start, end);
      if (/^doctype/i.test(decl) && (decl.includes('[') || /<!ENTITY/i.test(decl))) subset = true;
    },
    onopentagname() {
      tokenizer.pause();
    },
    onattribdata: noop, onattribentity: noop, onattribend: noop, onattribname: noop, oncdata: noop, onclosetag: noop,
    oncomment: noop, onend: noop, onopentagend: noop, onprocessinginstruction: noop, onselfclosingtag: noop,
    ontext: noop, ontextentity: noop,
  });
  tokenizer.write(xml);
  if (subset) {
    throw new IngestError('declares entities in its DOCTYPE (an internal DTD subset): refused, as entity bombs and external entities (XXE) come that way');
  }
}

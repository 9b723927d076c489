import { Tokenizer } from 'htmlparser2';
import { IngestError } from './problem';

/**
 * Refuses HTML nested deeper than `max` elements before any DOM is built: tree builders and
 * readability walk the tree recursively or in quadratic time, and browsers cap the depth too
 * (Blink's HTML parser stops nesting at 512). Counted on htmlparser2's tokenizer (linear, no
 * tree): void elements never nest, an end tag closes up to its open element, and elements
 * whose end tag is optional (p, li, td, ...) are closed by a sibling, as HTML's "implied end
 * tags" do (https://html.spec.whatwg.org/multipage/parsing.html#generate-implied-end-tags).
 */
export const MAX_HTML_DEPTH = 1024;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'rb', 'rp', 'rt', 'rtc']);

export function checkHtmlDepth(html: string, max = MAX_HTML_DEPTH): void {
  const stack: string[] = [];
  let deepest = 0;
  let pending = '';
  const noop = () => {};
  const tokenizer = new Tokenizer({ decodeEntities: false }, {
    onopentagname(start, end) {
      pending = html.slice(start, end).toLowerCase();
      if (IMPLIED_END.has(pending) && stack.at(-1) === pending) stack.pop();
    },
    onopentagend() {
      if (!VOID.has(pending)) stack.push(pending);
      deepest = Math.max(deepest, stack.length);
      if (deepest > max) tokenizer.pause();
    },
    onselfclosingtag() {},
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    },
    onattribdata: noop, onattribentity: noop, onattribend: noop, onattribname: noop, oncdata: noop,
    oncomment: noop, ondeclaration: noop, onend: noop, onprocessinginstruction: noop, ontext: noop, ontextentity: noop,
  });
  tokenizer.write(html);
  if (deepest <= max) tokenizer.end();
  if (deepest > max) throw new IngestError(`is HTML nested more than ${max} elements deep`);
}

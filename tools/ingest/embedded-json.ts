import { checkJsonDepth } from './json-depth';
import { htmlParagraphs } from './html-text';

/**
 * Articles whose text lives only in the JSON a publishing platform embeds for its scripts:
 * - Arc XP (Washington Post's platform; Chosun, Globe and Mail): `Fusion.globalContent = {...};`
 *   in a script, an ANS story (https://github.com/washingtonpost/ans-schema): `headlines.basic`,
 *   `content_elements` of type text/header (HTML), `display_date`/`first_publish_date`, `language`.
 * - Next.js: `<script id="__NEXT_DATA__" type="application/json">`; the page props hold the
 *   article under names each site picks, so the walk looks for a schema.org-shaped `articleBody`,
 *   else an object with a title and a list of text blocks.
 * Nuxt 2's `window.__NUXT__` is a JavaScript function call, not JSON: reading it would mean
 * running the page's code, which ingest never does.
 */
export interface EmbeddedArticle {
  platform: 'arc' | 'next';
  headline?: string;
  paragraphs: string[];
  datePublished?: string;
  dateModified?: string;
  language?: string;
  byline?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The JSON value that starts at `text[start]` (`{` or `[`), cut by bracket matching outside strings. */
export function jsonValueAt(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        const value = JSON.parse(text.slice(start, i + 1)) as unknown;
        checkJsonDepth(value);
        return value;
      }
    }
  }
  return undefined;
}

function arcArticle(ans: Obj): EmbeddedArticle | undefined {
  const elements = Array.isArray(ans.content_elements) ? ans.content_elements.filter(isObj) : [];
  const paragraphs = elements
    .filter((e) => e.type === 'text' || e.type === 'header')
    .flatMap((e) => (typeof e.content === 'string' ? htmlParagraphs(e.content) : []));
  if (paragraphs.length === 0) return undefined;
  const credits = isObj(ans.credits) && Array.isArray(ans.credits.by) ? ans.credits.by.filter(isObj).map((b) => str(b.name)).filter(Boolean) : [];
  return {
    platform: 'arc',
    headline: isObj(ans.headlines) ? str(ans.headlines.basic) : undefined,
    paragraphs,
    datePublished: str(ans.first_publish_date) ?? str(ans.display_date) ?? str(ans.publish_date),
    dateModified: str(ans.last_updated_date),
    language: str(ans.language),
    byline: credits.length > 0 ? credits.join(', ') : undefined,
  };
}

/** Text of a block of a Next.js page: its `content`/`text` strings, in order, at any depth. */
function blockText(block: unknown, out: string[] = []): string[] {
  const stack: unknown[] = [block];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (isObj(v)) {
      for (const key of ['content', 'text', 'htmlTokens', 'children']) {
        const child = v[key];
        if (typeof child === 'string') out.push(child);
        else if (child !== undefined) stack.push(child);
      }
    }
  }
  return out;
}

const TEXT_BLOCK = /^(text|paragraph|p|body|richtext)$/i;

function nextArticle(data: unknown): EmbeddedArticle | undefined {
  const stack: unknown[] = [data];
  let best: EmbeddedArticle | undefined;
  const length = (a?: EmbeddedArticle) => (a ? a.paragraphs.join('').length : 0);
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isObj(v)) {
      const headline = str(v.headline) ?? str(v.title);
      let candidate: EmbeddedArticle | undefined;
      const body = str(v.articleBody);
      if (body) candidate = { platform: 'next', headline, paragraphs: body.startsWith('<') ? htmlParagraphs(body) : body.split(/\n+/).map((p) => p.trim()).filter(Boolean) };
      else if (headline && Array.isArray(v.blocks)) {
        const paragraphs = v.blocks.filter((b) => isObj(b) && TEXT_BLOCK.test(String(b.blockType ?? b.type ?? '')))
          .map((b) => blockText(b).join('').replace(/\s+/g, ' ').trim()).filter(Boolean);
        candidate = { platform: 'next', headline, paragraphs };
      }
      if (candidate) {
        candidate.datePublished = str(v.datePublished) ?? str(v.publishTime) ?? str(v.publishedAt);
        candidate.dateModified = str(v.dateModified) ?? str(v.lastModifyTime) ?? str(v.updatedAt);
        if (length(candidate) > length(best)) best = candidate;
      }
      stack.push(...Object.values(v).filter((c) => typeof c === 'object' && c !== null));
    }
  }
  return best && best.paragraphs.length > 0 ? best : undefined;
}

/** The article a page embeds as platform JSON, if any; unreadable JSON is no article. */
export function embeddedArticle(scripts: Array<{ id: string; type: string; text: string }>): EmbeddedArticle | undefined {
  for (const s of scripts) {
    try {
      const at = s.text.indexOf('Fusion.globalContent');
      if (at >= 0) {
        const start = s.text.indexOf('{', at);
        const ans = start >= 0 ? jsonValueAt(s.text, start) : undefined;
        const article = isObj(ans) ? arcArticle(ans) : undefined;
        if (article) return article;
      }
      if (s.id === '__NEXT_DATA__') {
        const article = nextArticle(JSON.parse(s.text) as unknown);
        if (article) return article;
      }
    } catch {
      // a platform's script that is not the JSON it should be: read the page by its markup
    }
  }
  return undefined;
}

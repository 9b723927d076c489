import type { AuthorDoc, ImageDoc, SubjectDoc } from '../../src/model/documents';
import { htmlParagraphs, textParagraphs } from './html-text';
import { htmlBlocks } from './html-blocks';
import { emptyStory, wikidataIdOf, type SourceEntity, type Story } from './story';

/**
 * schema.org NewsArticle JSON-LD (https://schema.org/NewsArticle; Google's Article structured
 * data) to a Story. Accepts what pages really publish: one node or an array, `@graph`, `@type`
 * as a string or an array (with or without a `schema:` prefix), `author`/`image`/`inLanguage`
 * as a string, an object or an array of either, several blocks per page.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const int = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The article types of schema.org (Article and its subtypes that carry news text). */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting',
  'LiveBlogPosting', 'Report',
]);

const typesOf = (node: Obj): string[] =>
  arr(node['@type']).flatMap((t) => (typeof t === 'string' ? [t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '')] : []));

export const isArticleNode = (node: Obj): boolean => typesOf(node).some((t) => ARTICLE_TYPES.has(t));

/**
 * Every article node in a JSON-LD value, with the JSON Pointer where it stands: top-level
 * nodes, arrays and `@graph` members (nested graphs included), walked without recursion.
 */
export function articleNodes(value: unknown, base = ''): Array<{ pointer: string; node: Obj }> {
  const out: Array<{ pointer: string; node: Obj }> = [];
  const stack: Array<[unknown, string]> = [[value, base]];
  while (stack.length > 0) {
    const [v, pointer] = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${pointer}/${i}`]);
    } else if (isObj(v)) {
      if (isArticleNode(v)) out.push({ pointer: pointer || '/', node: v });
      else if ('@graph' in v) stack.push([v['@graph'], `${pointer}/@graph`]);
    }
  }
  return out;
}

/** Does this JSON look like JSON-LD at all (for format detection)? */
export const looksLikeJsonLd = (v: unknown): boolean =>
  Array.isArray(v) ? v.some(looksLikeJsonLd) : isObj(v) && ('@context' in v || '@type' in v || '@graph' in v);

function languageOf(v: unknown): string | undefined {
  for (const l of arr(v)) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    // A schema.org Language: its BCP 47 code is `alternateName` (BBC), else maybe `name`.
    if (isObj(l)) return str(l.alternateName) ?? str(l['@id']) ?? str(l.name);
  }
  return undefined;
}

const httpOnly = (s: string | undefined) => (s && /^https?:\/\//.test(s) ? s : undefined);

/**
 * Bylines, with what identifies each author: its page (`url`), its node id (`@id`, not a blank
 * node `_:`) and its `sameAs` links (src/model/author-identity.ts).
 */
function authorsOf(v: unknown): AuthorDoc[] {
  return arr(v).flatMap((a): AuthorDoc[] => {
    if (typeof a === 'string') return a.trim() ? [{ name: a.trim() }] : [];
    if (!isObj(a)) return [];
    const name = str(a.name);
    if (!name) return [];
    const id = str(a['@id']);
    const sameAs = [...new Set(arr(a.sameAs).map(str).map(httpOnly).filter((s): s is string => s !== undefined))];
    return [{
      name,
      url: httpOnly(str(a.url)),
      ...(id && !id.startsWith('_:') ? { id } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
    }];
  });
}

function imagesOf(v: unknown): ImageDoc[] {
  const seen = new Set<string>();
  return arr(v).flatMap((i): ImageDoc[] => {
    const url = typeof i === 'string' ? i.trim() : isObj(i) ? (str(i.url) ?? str(i.contentUrl) ?? str(i['@id'])) : undefined;
    if (!url || !/^https?:\/\//.test(url) || seen.has(url)) return [];
    seen.add(url);
    if (!isObj(i)) return [{ url, renditions: [] }];
    return [{
      url,
      width: int(i.width),
      height: int(i.height),
      contentType: str(i.encodingFormat),
      caption: str(i.caption) ?? str(i.description),
      credit: str(i.creditText) ?? (isObj(i.author) ? str(i.author.name) : str(i.author)) ?? str(i.copyrightHolder),
      renditions: [],
    }];
  });
}

function subjectsOf(node: Obj): SubjectDoc[] {
  const keywords = arr(node.keywords).flatMap((k) => (typeof k === 'string' ? k.split(',') : isObj(k) ? [str(k.name) ?? ''] : []));
  const names = [...new Set(keywords.map((k) => k.trim()).filter(Boolean))];
  return names.map((name) => ({ name }));
}

function entitiesOf(node: Obj): SourceEntity[] {
  return ['about', 'mentions'].flatMap((rel) =>
    arr(node[rel]).filter(isObj).map((e): SourceEntity => {
      const sameAs = arr(e.sameAs).map(str).filter((s): s is string => !!s);
      const uri = str(e['@id']) ?? sameAs[0];
      const kind = typesOf(e).includes('Person') ? 'person' : typesOf(e).some((t) => /Place|Country|City/.test(t)) ? 'place'
        : typesOf(e).some((t) => /Organization/.test(t)) ? 'organisation' : typesOf(e).some((t) => /Event/.test(t)) ? 'event' : 'thing';
      return { kind, name: str(e.name), uri, wikidataId: [uri, ...sameAs].map(wikidataIdOf).find(Boolean), rel };
    }),
  );
}

/** One article node to a Story; `pageUrl` is the page it came from, if any. */
export function storyFromJsonLd(node: Obj, format: 'JSON_LD' | 'HTML'): Story {
  const story = emptyStory(format);
  const mainEntity = node.mainEntityOfPage;
  story.url = str(node.url) ?? (isObj(mainEntity) ? str(mainEntity['@id']) ?? str(mainEntity.url) : str(mainEntity));
  story.uri = str(node['@id']) ?? story.url;
  story.headline = str(node.headline) ?? str(node.name) ?? str(node.alternativeHeadline);
  story.language = languageOf(node.inLanguage);
  const body = str(node.articleBody) ?? str(node.text);
  // articleBody is plain text by schema.org, yet some sites put HTML there: read it as HTML
  // only when it starts with a tag.
  if (body) story.paragraphs = body.startsWith('<') ? htmlParagraphs(body) : textParagraphs(body);
  if (body?.startsWith('<')) story.blocks = htmlBlocks(body, story.url);
  story.summary = str(node.description) ?? str(node.abstract);
  story.authors = authorsOf(node.author);
  if (story.authors.length === 0) story.authors = authorsOf(node.creator);
  story.images = imagesOf(node.image);
  if (story.images.length === 0) story.images = imagesOf(node.thumbnailUrl);
  story.subjects = subjectsOf(node);
  story.section = arr(node.articleSection).map(str).find(Boolean);
  story.copyright = str(node.copyrightNotice) ?? (isObj(node.copyrightHolder) ? str(node.copyrightHolder.name) : str(node.copyrightHolder));
  story.version = int(node.version);
  story.datePublished = str(node.datePublished) ?? str(node.dateCreated);
  story.dateModified = str(node.dateModified);
  story.translations = [...arr(node.workTranslation), ...arr(node.translationOfWork)].filter(isObj).flatMap((t) => {
    const language = languageOf(t.inLanguage);
    const url = str(t.url) ?? str(t['@id']);
    return language ? [{ language, url: url && /^https?:\/\//.test(url) ? url : undefined }] : [];
  });
  story.entities = entitiesOf(node);
  return story;
}

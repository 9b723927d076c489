import type { AuthorDoc, ImageDoc, ImageFileDoc, SubjectDoc } from '../../src/model/documents';
import { htmlParagraphs, textParagraphs } from './html-text';
import { htmlBlocks } from './html-blocks';
import { ninjsSchemaErrors } from './ninjs-schemas';
import { emptyStory, wikidataIdOf, type ReadItem, type SourceEntity, type Story } from './story';

/**
 * IPTC ninjs (https://iptc.org/standards/ninjs/) to a Story, in its three shapes:
 * - 3.x: camelCase keys (`headlines`, `bodies`, `versionCreated`, `embargoedUntil`);
 * - 2.x: the same structure with lower-case keys (`versioncreated`, `embargoed`);
 * - 1.x dialects as Superdesk and the AP Media API send them: `headline`, `body_html` /
 *   `body_text`, `byline`, `description_text`, `subject[]`, map-shaped `associations` and
 *   `renditions` ({"baseImage": {...}}).
 * 2.x and 3.x items are checked against IPTC's JSON Schema of their version first; 1.x
 * dialects predate or stray from the 1.x schema (Superdesk's has no `uri`), so they are read
 * field by field and must have a headline and a body like any story.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : isObj(v) ? Object.values(v) : []);

/** A field by its 3.x name or its 2.x/1.x lower-case name. */
const get = (o: Obj, name: string): unknown => (name in o ? o[name] : o[name.toLowerCase()]);

export type NinjsDialect = '1.x' | '2.x' | '3.x';

const V1_ONLY = ['headline', 'body_html', 'body_text', 'body_xhtml', 'description_text'];
const V3_ONLY = ['versionCreated', 'firstCreated', 'contentCreated', 'pubStatus', 'altIds', 'copyrightHolder', 'copyrightNotice', 'embargoedUntil', 'representationType'];

/** Is this JSON a ninjs item, and of which generation? (By its keys; `standard.version` decides between 2 and 3.) */
export function ninjsDialect(o: Obj): NinjsDialect | undefined {
  const standard = isObj(o.standard) ? str(o.standard.version) : undefined;
  if (V1_ONLY.some((k) => k in o)) return '1.x';
  if (standard?.startsWith('3') || V3_ONLY.some((k) => k in o)) return '3.x';
  if (standard?.startsWith('2') || V3_ONLY.some((k) => k.toLowerCase() in o)) return '2.x';
  if ('headlines' in o || 'bodies' in o) return '3.x';
  return undefined;
}

/**
 * Bylines: ninjs 1.x `authors` (Superdesk) and the `people` a 2.x/3.x item names as its authors
 * (`rel` author, creator or writer), each with its `uri` as the source's identity. `by` is
 * kept as the printed byline only: a string of names identifies no one.
 */
function authorsOf(o: Obj): AuthorDoc[] {
  const people = list(o.people).filter(isObj).filter((p) => /^(?:author|creator|writer|byline)$/i.test(str(p.rel) ?? ''));
  return [...list(o.authors).filter(isObj), ...people].flatMap((a) => {
    const name = str(a.name);
    if (!name) return [];
    const uri = str(a.uri);
    return [{ name, ...(uri ? { id: uri } : {}) }];
  });
}

export function readNinjs(o: Obj, where: string): ReadItem {
  const dialect = ninjsDialect(o)!;
  const declared = isObj(o.standard) ? str(o.standard.version) : undefined;
  const version = declared && /^\d+\.\d+$/.test(declared) ? declared : dialect === '2.x' ? '2.2' : dialect === '3.x' ? '3.1' : '1.x';
  if (dialect !== '1.x') {
    const errors = ninjsSchemaErrors(o, version);
    if (errors.length > 0) {
      const at = errors[0]!.pointer;
      return { where: join(where, at), error: errors.map((e) => (e.pointer === at ? e.message : `${e.pointer}: ${e.message}`)).join('; ') };
    }
  }
  const type = str(o.type);
  if (type && !['text', 'composite'].includes(type)) {
    return { where: join(where, '/type'), error: `is a ninjs ${type} item, not a text story: nothing to publish as an article` };
  }
  // The version the item declares (standard.version), else its generation: a TT 3.0 item that
  // declares none is "3.x", though it is checked against the 3.1 schema.
  const story: Story = emptyStory('NINJS', declared ?? dialect);
  story.uri = str(o.uri) ?? str(o.guid);
  story.headline = headlineOf(o);
  story.language = str(o.language);
  const html = bodyHtml(o);
  story.paragraphs = html !== undefined ? htmlParagraphs(html) : bodyOf(o);
  if (html !== undefined) story.blocks = htmlBlocks(html);
  story.summary = summaryOf(o);
  story.byline = str(get(o, 'by')) ?? str(o.byline);
  story.authors = authorsOf(o);
  story.images = imagesOf(o);
  story.subjects = [...list(get(o, 'subjects')), ...list(o.subject)].filter(isObj).flatMap(subjectOf);
  story.copyright = str(get(o, 'copyrightNotice')) ?? str(get(o, 'copyrightHolder'));
  story.version = num(o.version);
  story.urgency = num(o.urgency);
  story.datePublished = str(get(o, 'firstCreated')) ?? str(get(o, 'contentCreated')) ?? str(get(o, 'versionCreated'));
  story.dateModified = str(get(o, 'versionCreated'));
  story.embargoedUntil = str(get(o, 'embargoedUntil')) ?? str(o.embargoed);
  story.pubStatus = str(get(o, 'pubStatus'));
  story.section = list(o.service).filter(isObj).map((s) => str(s.name)).find(Boolean);
  story.entities = entitiesOf(o);
  return { where, story };
}

const join = (base: string, pointer: string) => (base === '/' ? pointer : pointer === '/' ? base : base + pointer);

function headlineOf(o: Obj): string | undefined {
  const headlines = list(o.headlines).filter(isObj);
  const main = headlines.find((h) => h.role === 'main') ?? headlines[0];
  return str(main?.value) ?? str(o.headline) ?? (str(o.type) === 'text' ? str(o.title) : undefined);
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The body's HTML, when the item's body is HTML: what its structure is read from. */
function bodyHtml(o: Obj): string | undefined {
  const bodies = list(o.bodies).filter(isObj);
  const html = bodies.find((b) => HTML_TYPES.has(String(get(b, 'contentType') ?? '')));
  if (html && str(html.value)) return String(html.value);
  if (bodies.some((b) => str(b.value))) return undefined;
  return str(o.body_html) ?? str(o.body_xhtml);
}

function bodyOf(o: Obj): string[] {
  const bodies = list(o.bodies).filter(isObj);
  const html = bodies.find((b) => HTML_TYPES.has(String(get(b, 'contentType') ?? '')));
  if (html && str(html.value)) return htmlParagraphs(String(html.value));
  const text = bodies.find((b) => str(b.value));
  if (text) return HTML_TYPES.has(String(get(text, 'contentType'))) ? htmlParagraphs(String(text.value)) : textParagraphs(String(text.value));
  // 1.x: body_html, body_xhtml, body_text (Superdesk, AP).
  if (str(o.body_html)) return htmlParagraphs(String(o.body_html));
  if (str(o.body_xhtml)) return htmlParagraphs(String(o.body_xhtml));
  if (str(o.body_text)) return textParagraphs(String(o.body_text));
  return [];
}

function summaryOf(o: Obj): string | undefined {
  const first = list(o.descriptions).filter(isObj).find((d) => str(d.value));
  if (first) return HTML_TYPES.has(String(get(first, 'contentType'))) ? htmlParagraphs(String(first.value)).join(' ') : str(first.value);
  return str(o.description_text) ?? (str(o.description_html) ? htmlParagraphs(String(o.description_html)).join(' ') || undefined : undefined);
}

function renditionOf(r: Obj, name?: string): (ImageFileDoc & { name?: string }) | undefined {
  const url = str(r.href) ?? str(r.url);
  if (!url || !/^https?:\/\//.test(url)) return undefined;
  return {
    name: str(r.name) ?? name,
    url,
    width: num(r.width),
    height: num(r.height),
    contentType: str(get(r, 'contentType')) ?? str(r.mimetype),
  };
}

/** Pictures and graphics among the associations (3.x/2.x arrays, 1.x maps), with renditions. */
function imagesOf(o: Obj): ImageDoc[] {
  const assoc = Array.isArray(o.associations) ? o.associations : isObj(o.associations) ? Object.values(o.associations) : [];
  return assoc.filter(isObj).flatMap((a): ImageDoc[] => {
    if (!['picture', 'graphic'].includes(String(a.type))) return [];
    const renditions = Array.isArray(a.renditions)
      ? a.renditions.filter(isObj).map((r) => renditionOf(r))
      : isObj(a.renditions) ? Object.entries(a.renditions).map(([name, r]) => (isObj(r) ? renditionOf(r, name) : undefined)) : [];
    const files = renditions.filter((r) => r !== undefined);
    const largest = [...files].sort((x, y) => (y.width ?? 0) - (x.width ?? 0))[0];
    const uri = str(a.uri);
    const url = largest?.url ?? (uri && /^https?:\/\//.test(uri) ? uri : undefined);
    if (!url) return [];
    const caption = summaryOf(a) ?? headlineOf(a);
    return [{
      url,
      width: largest?.width,
      height: largest?.height,
      contentType: largest?.contentType,
      // Superdesk's ninjs 1.x carries the picture's alt text; ninjs 2.x/3.x define none.
      alt: str(a.alt_text) ?? str(get(a, 'altText')),
      caption,
      credit: str(get(a, 'by')) ?? str(a.byline) ?? str(get(a, 'copyrightHolder')),
      renditions: files.filter((f) => f !== largest),
    }];
  });
}

/** IPTC NewsCodes schemes by the path of their URIs (https://cv.iptc.org/newscodes/). */
const SCHEMES: Array<[string, string]> = [['/newscodes/mediatopic/', 'medtop'], ['/newscodes/subjectcode/', 'subj']];

function subjectOf(s: Obj): SubjectDoc[] {
  const uri = str(s.uri);
  const literal = str(s.literal) ?? str(s.code) ?? str(s.qcode);
  const scheme = uri ? SCHEMES.find(([path]) => uri.includes(path)) : undefined;
  let code = literal;
  if (scheme && uri) code = `${scheme[1]}:${uri.split('/').filter(Boolean).pop()}`;
  // Superdesk's `subject` holds IPTC Subject Codes (8 digits) without their scheme.
  else if (literal && /^\d{8}$/.test(literal) && !('uri' in s)) code = `subj:${literal}`;
  const name = str(s.name) ?? literal;
  if (!name) return [];
  return [{ name, code, uri: uri && /^https?:\/\//.test(uri) ? uri : undefined }];
}

const ENTITY_KINDS: Array<[string, SourceEntity['kind']]> = [
  ['people', 'person'], ['person', 'person'], ['places', 'place'], ['place', 'place'],
  ['organisations', 'organisation'], ['organisation', 'organisation'], ['events', 'event'], ['event', 'event'],
];

function entitiesOf(o: Obj): SourceEntity[] {
  return ENTITY_KINDS.flatMap(([key, kind]) =>
    list(o[key]).filter(isObj).map((e) => {
      const uri = str(e.uri);
      return { kind, name: str(e.name), uri, wikidataId: wikidataIdOf(uri), rel: str(e.rel) };
    }),
  );
}

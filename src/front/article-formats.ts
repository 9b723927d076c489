import { linkedSlugs } from '../model/entity-kinds';
import { articleToJsonLd } from '../formats/json-ld';
import { articleToNinjs } from '../formats/ninjs';
import type { NewsReader } from '../store/news-reader';

/**
 * GET /articles/{slug}.ninjs.json and /articles/{slug}.jsonld: an article in a format out
 * (src/formats/), read at the request's data version. The front door serves these through the edge
 * cache like GraphQL GETs (kept with what they read, ETag, CORS). ninjs has no registered media
 * type of its own and is sent as application/json; JSON-LD as application/ld+json (W3C JSON-LD
 * 1.1, section 9.1). HEAD answers like GET without a body; other methods get 405.
 */

const ROUTE = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\.(ninjs\.json|jsonld)$/;

const FORMATS = {
  'ninjs.json': { map: articleToNinjs, contentType: 'application/json; charset=utf-8' },
  jsonld: { map: articleToJsonLd, contentType: 'application/ld+json; charset=utf-8' },
} as const;

export interface ArticleFormatRoute {
  slug: string;
  format: keyof typeof FORMATS;
}

export function matchArticleFormat(url: URL): ArticleFormatRoute | null {
  const m = ROUTE.exec(url.pathname);
  return m ? { slug: m[1]!, format: m[2] as keyof typeof FORMATS } : null;
}

const problem = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...headers } });

export async function articleFormatResponse(request: Request, route: ArticleFormatRoute, reader: NewsReader): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return problem(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here: use GET.`, { allow: 'GET, HEAD' });
  }
  try {
    const article = await reader.article(route.slug);
    if (!article) return problem(404, 'NOT_FOUND', `No article "${route.slug}" in this data version.`);
    const entities = await reader.entities(linkedSlugs(article));
    const { map, contentType } = FORMATS[route.format];
    const body = JSON.stringify(map(article, entities, { origin: new URL(request.url).origin }));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'content-type': contentType } });
  } catch {
    // No data version published, or KV failed: nothing to serve, nothing to cache.
    return problem(503, 'DATA_UNAVAILABLE', 'The data could not be read; try again shortly.', { 'retry-after': '5' });
  }
}

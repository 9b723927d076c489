import { negotiatedMediaType } from './media-type';

/**
 * What the fetch path needs to know of a request before yoga sees it, worked out once: the
 * parsed URL and the media type the answer will have. The edge cache, the response memo and
 * the article-format routes all ask; parsing a URL and an Accept header costs microseconds
 * each, which issue 14's memo hit (at 0.3 ms a request) cannot spend three or four times.
 * The method too: `request.method` is a getter into workerd, asked by several steps.
 */
export interface RequestFacts {
  method: string;
  url: URL;
  /** The negotiated media type of a JSON answer (src/http/media-type.ts); null when none is acceptable. */
  mediaType: string | null;
}

export function requestFacts(request: Request): RequestFacts {
  return { method: request.method, url: new URL(request.url), mediaType: negotiatedMediaType(request.headers.get('accept')) };
}

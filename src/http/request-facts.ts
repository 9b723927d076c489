import { acceptedLanguages } from '../text/accept-language';
import { negotiatedMediaType } from './media-type';

/**
 * What the front door's stages need to know of a request, worked out once: the method (a
 * getter into workerd), the parsed URL and the media type the answer will have. The edge
 * cache, the formats, the memo and the compiled stage all ask, and a memo hit is cheap enough
 * that parsing a URL and an Accept header three or four times would show in it.
 */
export interface RequestFacts {
  method: string;
  url: URL;
  /** The negotiated media type of a JSON answer (src/http/media-type.ts); null when none is acceptable. */
  mediaType: string | null;
  /** The Accept-Language preferences, best first (src/text/accept-language.ts); empty when none. */
  languages: string[];
}

export function requestFacts(request: Request): RequestFacts {
  return {
    method: request.method,
    url: new URL(request.url),
    mediaType: negotiatedMediaType(request.headers.get('accept')),
    languages: acceptedLanguages(request.headers.get('accept-language')),
  };
}

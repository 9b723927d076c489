import type { ImageDoc } from '../../src/model/documents';
import { decodeText } from './headline';
import { metaContent, type Doc } from './page-meta';

/**
 * Alt text for a page's pictures, where the page has it: the `alt` of an `<img>` showing the
 * same file (HTML Living Standard, "Requirements relating to the provision of alternative
 * text"), or for the og:image the `og:image:alt` / `twitter:image:alt` meta (Open Graph
 * protocol, "Structured Properties"). An image that already has alt text keeps it.
 */
export function withPageAlt(images: ImageDoc[], document: Doc): ImageDoc[] {
  const byFile = new Map<string, string>();
  for (const img of document.querySelectorAll('img[alt]')) {
    const alt = decodeText(img.getAttribute('alt') ?? '');
    for (const src of [img.getAttribute('src'), img.getAttribute('data-src')]) {
      const file = fileOf(src);
      if (alt && file && !byFile.has(file)) byFile.set(file, alt);
    }
  }
  const ogFile = fileOf(metaContent(document, 'og:image:secure_url')) ?? fileOf(metaContent(document, 'og:image'));
  const ogAlt = decodeText(metaContent(document, 'og:image:alt', 'twitter:image:alt') ?? '') || undefined;
  return images.map((image) => {
    if (image.alt) return image;
    const file = fileOf(image.url);
    const alt = (file && byFile.get(file)) ?? (file !== undefined && file === ogFile ? ogAlt : undefined);
    return alt ? { ...image, alt } : image;
  });
}

/** A file's URL without scheme, query or fragment: http and https, and cache-busting queries, name one file. */
function fileOf(url: string | null | undefined): string | undefined {
  const m = url?.trim().match(/^(?:https?:)?\/\/([^?#]+)/i);
  return m ? m[1]!.toLowerCase() : undefined;
}

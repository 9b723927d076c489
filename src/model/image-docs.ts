/**
 * A picture as stored (article-docs.ts: an article's images and lead picture; body-docs.ts: a
 * picture inside the body): its file, the text that stands for it, and its other sizes.
 */
export interface ImageFileDoc {
  url: string;
  width?: number;
  height?: number;
  contentType?: string;
}

export interface ImageDoc extends ImageFileDoc {
  /** A text alternative for people who cannot see it (HTML `alt`), as the source gave it. */
  alt?: string;
  caption?: string;
  credit?: string;
  renditions: Array<ImageFileDoc & { name?: string }>;
}

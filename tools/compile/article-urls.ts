import { normalizeArticleUrl } from '../../src/model/article-url';
import type { ArticleCard } from '../../src/model/documents';

/**
 * The URLs an article is found by (`article(url:)`), in normal form (src/model/article-url.ts):
 * its canonical URL first, then its alternates. Stored as `u:<url>` -> a copy of the article (src/model/keys.ts).
 */
export function articleUrlsOf(card: Pick<ArticleCard, 'url' | 'alternateUrls'>): { canonical: string[]; alternate: string[] } {
  const normal = (urls: readonly (string | undefined)[]) =>
    urls.flatMap((u) => {
      const n = u === undefined ? null : normalizeArticleUrl(u);
      return n === null ? [] : [n];
    });
  const canonical = normal([card.url]);
  return { canonical, alternate: normal(card.alternateUrls ?? []).filter((u) => !canonical.includes(u)) };
}

/**
 * Which article each URL leads to, for a full build. Two stories may claim one URL (a page
 * ingested twice, an AMP link reused): a canonical URL beats an alternate, then the newer story
 * beats the older (`cards` newest first), so the answer does not depend on file order.
 */
export function urlIndex(cards: readonly ArticleCard[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const rank of ['canonical', 'alternate'] as const) {
    for (const card of cards) {
      for (const url of articleUrlsOf(card)[rank]) if (!index.has(url)) index.set(url, card.slug);
    }
  }
  return index;
}

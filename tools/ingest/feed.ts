import { parseFeed } from '@rowanmanning/feed-parser';
import type { SourceFormat } from '../../src/model/documents';
import { markupParagraphs } from './html-text';
import { htmlBlocks } from './html-blocks';
import { IngestError, messageOf } from './problem';
import { checkNoDtdSubset } from './xml-doctype';
import { emptyStory, type ReadItem } from './story';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) and Atom 1.0 (RFC 4287) to Stories,
 * one per item or entry, by @rowanmanning/feed-parser on fast-xml-parser (pinned at 5.12.1 in
 * package.json: later versions cap entity expansion and reject real feeds with thousands of
 * character references). fast-xml-parser reads no external entity (XXE) and does not expand
 * entities inside entity values, so an entity bomb stays a few bytes.
 * Body: `content:encoded` / Atom `content`, else `description` / `summary`; `dc:creator` and
 * `author` give authors; `media:content` and enclosures of images give images; `category`
 * gives free-tag subjects; `guid` / Atom `id` is the story's identity.
 */
export function readFeed(xml: string): { format: SourceFormat; version: string; items: Iterable<ReadItem> } {
  checkNoDtdSubset(xml);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new IngestError(`is not a feed that can be read: ${messageOf(error)}`);
  }
  // The parser's getters are not cached, and every item's `url` (and its `authors` and
  // `categories` when it has none) asks the feed's own, which scans the whole channel:
  // quadratic in the number of items (a 100,000-item feed did not finish in 10 minutes). Each feed-level value is read
  // once and pinned on the feed object, shadowing its getter.
  for (const key of ['url', 'language', 'copyright', 'authors', 'categories'] as const) {
    Object.defineProperty(feed, key, { value: feed[key], configurable: true });
  }
  const format: SourceFormat = feed.meta.type === 'atom' ? 'ATOM' : 'RSS';
  const version = feed.meta.version || (format === 'ATOM' ? '1.0' : '2.0');
  // Items are read one at a time as ingest asks for them: a story is built, written and
  // dropped before the next, so memory holds the parsed feed and one story, not every story.
  function* items(): Iterable<ReadItem> {
    let i = 0;
    for (const item of feed.items) yield readItem(item, i++);
  }
  const readItem = (item: (typeof feed.items)[number], i: number): ReadItem => {
    const where = `item ${i + 1}`;
    try {
      const story = emptyStory(format, version);
      story.uri = item.id ?? item.url ?? undefined;
      story.url = item.url && /^https?:\/\//.test(item.url) ? item.url : undefined;
      story.headline = item.title ?? undefined;
      story.language = feed.language ?? undefined;
      const description = item.description ?? undefined;
      story.paragraphs = markupParagraphs(item.content ?? description ?? '');
      if ((item.content ?? description ?? '').includes('<')) story.blocks = htmlBlocks(item.content ?? description ?? '', story.url);
      if (item.content && description) story.summary = markupParagraphs(description).join(' ') || undefined;
      story.authors = item.authors.flatMap((a) => (a.name ? [{ name: a.name, url: a.url && /^https?:\/\//.test(a.url) ? a.url : undefined }] : []));
      story.images = item.media
        .filter((m) => m.type === 'image' || m.mimeType?.startsWith('image/'))
        .map((m) => ({ url: m.url, contentType: m.mimeType ?? undefined, caption: m.title ?? undefined, renditions: [] }));
      story.subjects = item.categories.flatMap((c) => (c.label ?? c.term ? [{ name: (c.label ?? c.term).trim() }] : []));
      story.datePublished = item.published?.toISOString() ?? item.updated?.toISOString();
      story.dateModified = item.updated?.toISOString();
      story.copyright = feed.copyright ?? undefined;
      return { where, story };
    } catch (error) {
      return { where, error: messageOf(error) };
    }
  };
  return { format, version, items: items() };
}

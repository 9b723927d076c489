import { readingText } from '../../src/model/body-reading';
import { normaliseDate } from './dates';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch-source';
import { expandInputs, loadInput } from './load-inputs';
import { messageOf } from './problem';
import { readInput } from './read-input';
import { toArticleDraft } from './to-article';

/**
 * What ingest reads from each story, as `npm run ingest -- --dry-run --json` prints it (one
 * JSON object a line) and `npm run ingest:measure` scores it: the headline, language, the
 * publication date (`datePublished`, the source's local date) and date-time with its offset
 * (`datePublishedTime`, null when the source gives a date only), the body as paragraphs
 * joined by a blank line, `text` the article's full text in reading order (the paragraphs with
 * each table's and embedded post's text in its place, src/model/body-reading.ts), or `refused`
 * with every reason. A source without a date has both
 * dates null: the ingest day the article file would get is never reported as the source's.
 */
export interface StoryJson {
  input: string;
  where: string;
  headline: string | null;
  language: string | null;
  datePublished: string | null;
  datePublishedTime: string | null;
  body: string | null;
  text: string | null;
  refused?: string;
}

export async function* readStories(args: string[], options: { defaultLanguage?: string; limits?: FetchLimits; now?: Date } = {}): AsyncGenerator<StoryJson> {
  const now = options.now ?? new Date();
  for (const input of expandInputs(args)) {
    let items;
    try {
      items = [...readInput(await loadInput(input, options.limits ?? DEFAULT_FETCH_LIMITS))];
    } catch (error) {
      yield { input, where: (error as { where?: string }).where ?? '/', headline: null, language: null, datePublished: null, datePublishedTime: null, body: null, text: null, refused: messageOf(error) };
      continue;
    }
    for (const item of items) {
      if ('error' in item) {
        yield { input, where: item.where, headline: null, language: null, datePublished: null, datePublishedTime: null, body: null, text: null, refused: item.error };
        continue;
      }
      const story = item.story;
      if (!story.language && options.defaultLanguage) story.language = options.defaultLanguage;
      const date = normaliseDate(story.datePublished);
      const { draft, errors } = toArticleDraft(story, now);
      yield {
        input,
        where: item.where,
        headline: draft?.headline ?? story.headline ?? null,
        language: draft?.language ?? null,
        datePublished: date?.slice(0, 10) ?? null,
        datePublishedTime: date && date.length > 10 ? date : null,
        body: draft ? draft.paragraphs.join('\n\n') : null,
        text: draft ? readingText(draft.paragraphs, draft.body) : null,
        ...(draft ? {} : { refused: errors.join('; ') }),
      };
    }
  }
}

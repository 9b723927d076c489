import { beforeAll, describe, expect, it } from 'vitest';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import placePage from '../../operations/place-page.graphql?raw';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';
import { generateArticle, generateCorpus } from '../../tools/fixtures/corpus';
import { publishIncrementally } from './incremental-publish';
import { askKept, fresh, type Screen } from './kept-calls';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Kept answers depend on the fields of list items they showed (src/model/list-ranges.ts
 * changedRanges, src/graph/field-use.ts): a correction that changes only fields a feed does
 * not show (the body, hence the card's word count, and its dateModified) keeps the feed; a
 * screen that shows the changed field, and a correction of a shown field, are recomputed.
 */
const N = 40;
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));
const feed: Screen = { name: 'feed', query: latestArticles, variables: { first: 20 } };
const modified: Screen = { name: 'modified', query: '{ articles(first: 20) { nodes { slug dateModified } } }', variables: {} };
const wordCounts: Screen = { name: 'word counts', query: '{ articles(first: 20) { nodes { slug wordCount } } }', variables: {} };
const place: Screen = { name: 'place', query: placePage, variables: { slug: 'moscow' } };
const screens = [feed, modified, wordCounts, place];
const warm = createWorker(new IsolateState());
const equal = (actual: string, expected: string, label: string) => expect(actual, label).toBe(expected);

/** The story at place 3 of the feed: generated, so the test can file it again. */
let story = 0;
/** Its source file with one more paragraph and a dateModified (a desk's correction of the body), and a new headline when asked. */
function corrected(headline = false) {
  const at = '2026-01-02T10:00:00Z';
  const { path, text } = generateArticle(story);
  const file = JSON.parse(text) as { paragraphs: string[]; headline: string };
  const change = { paragraphs: [...file.paragraphs, `Correction (${at}): a figure was misstated.`], dateModified: at, ...(headline && { headline: `Corrected: ${file.headline}` }) };
  return { path, text: JSON.stringify({ ...file, ...change }) };
}

async function askAll(): Promise<Map<string, { truth: string; kept: boolean }>> {
  const seen = new Map<string, { truth: string; kept: boolean }>();
  for (const screen of screens) {
    const { truth, memo, edge } = await askKept(warm, screen, equal);
    seen.set(screen.name, { truth, kept: memo && edge });
  }
  return seen;
}

beforeAll(async () => {
  await buildAndPublish([...seedFiles(), ...generateCorpus(N)], '2026-01-01T00:00:00Z');
  const order = (JSON.parse(await fresh({ name: 'order', query: '{ articles(first: 20) { nodes { slug } } }', variables: {} })).data.articles.nodes as Array<{ slug: string }>).map((n) => n.slug);
  story = Number(/^generated-(\d+)$/.exec(order.slice(3).find((s) => s.startsWith('generated-'))!)![1]);
  await askAll();
}, 120_000);

describe('kept answers and the fields of list items they show', () => {
  it('a correction of the body keeps the feed, recomputes the screens that show its word count or dateModified', async () => {
    const before = await askAll();
    expect(before.get('feed')!.kept).toBe(true);
    await publishIncrementally([...entityFiles(), corrected()], [], '2026-01-02T10:00:00Z');
    const after = await askAll();
    expect(after.get('feed')).toEqual({ truth: before.get('feed')!.truth, kept: true });
    expect(after.get('place')).toEqual({ truth: before.get('place')!.truth, kept: true });
    for (const name of ['modified', 'word counts']) {
      expect(after.get(name)!.truth, name).not.toBe(before.get(name)!.truth);
      expect(after.get(name)!.kept, name).toBe(false);
    }
  }, 120_000);

  it('a correction of the headline recomputes the feed', async () => {
    const before = await askAll();
    await publishIncrementally([...entityFiles(), corrected(true)], [], '2026-01-03T10:00:00Z');
    const after = await askAll();
    expect(after.get('feed')!.truth).not.toBe(before.get('feed')!.truth);
    expect(after.get('feed')!.kept).toBe(false);
    expect(after.get('modified')).toEqual({ truth: before.get('modified')!.truth, kept: true });
  }, 120_000);
});

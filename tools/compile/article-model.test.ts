import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleDoc, ListChunk } from '../../src/model/documents';
import { articleKey, listChunkKey, lists } from '../../src/model/keys';
import { buildDataSet } from './build-data-set';
import { readSourceFiles } from '../data/source-files';
import type { SourceFile } from '../data/read-data-set';

/**
 * The grown article model through the real build: every new field of an
 * article file reaches the article's KV document; list cards stay small; embargoed stories
 * are left out until their time.
 */
const root = new URL('../..', import.meta.url).pathname;
const entities = readSourceFiles(`${root}data`, 'entities');
const hash = async (text: string) => createHash('sha256').update(text).digest('hex');

const rich = {
  slug: 'seoul-rain-record',
  language: 'ko',
  headline: '서울 기록적 폭우',
  url: 'https://news.example.org/2024/06/seoul-rain',
  byline: 'By Kim Min-ji, Seoul',
  authors: [{ name: 'Kim Min-ji', url: 'https://news.example.org/staff/kim' }, { name: 'Vladimir Putin', person: 'vladimir-putin' }],
  summary: '서울에 폭우가 내렸다.',
  images: [{
    url: 'https://img.example.org/rain.jpg', width: 1200, height: 800, contentType: 'image/jpeg',
    caption: '비 내리는 서울', credit: 'Example / Photographer',
    renditions: [{ name: 'thumbnail', url: 'https://img.example.org/rain-t.jpg', width: 120, height: 80 }],
  }],
  subjects: [{ name: 'weather', code: 'medtop:17000000', uri: 'http://cv.iptc.org/newscodes/mediatopic/17000000' }, { name: '폭우' }],
  section: '사회',
  copyright: '(c) Example News',
  version: 3,
  origin: { format: 'NINJS', formatVersion: '3.1', uri: 'urn:example:rain', url: 'file:///in/rain.json' },
  translations: [{ language: 'en', url: 'https://news.example.org/en/seoul-rain' }],
  datePublished: '2024-06-12T23:30:00+09:00',
  dateModified: '2024-06-13T08:00:00+09:00',
  paragraphs: ['서울에 기록적인 폭우가 내렸다.'],
};

const file = (value: object, slug = 'seoul-rain-record'): SourceFile => ({ path: `articles/${slug}.json`, text: JSON.stringify(value) });

async function build(files: SourceFile[], builtAt = '2026-01-01T00:00:00Z') {
  return buildDataSet([...entities, ...files], { builtAt, hash });
}

type Built = { version: string; entries: Array<{ key: string; value: unknown }> };
const article = (data: Built, slug: string) =>
  data.entries.find((e) => e.key === articleKey(data.version, slug))?.value as ArticleDoc | undefined;

describe('the article model', () => {
  it('carries every new field into the article document, the local date into lists', async () => {
    const r = await build([file(rich)]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = article(r.data, 'seoul-rain-record')!;
    expect(doc).toMatchObject({
      datePublished: '2024-06-12',
      datePublishedTime: '2024-06-12T23:30:00+09:00',
      dateModified: '2024-06-13T08:00:00+09:00',
      url: rich.url, byline: rich.byline, summary: rich.summary, section: '사회', version: 3,
      authors: rich.authors, images: rich.images, subjects: rich.subjects, copyright: rich.copyright,
      origin: rich.origin, translations: rich.translations,
    });
    const chunk = r.data.entries.find((e) => e.key === listChunkKey(r.data.version, lists.articles, 0))!.value as ListChunk;
    expect(chunk.items).toHaveLength(1);
    expect(chunk.items[0]).toMatchObject({ slug: 'seoul-rain-record', datePublished: '2024-06-12', url: rich.url });
    expect(chunk.items[0]).not.toHaveProperty('images');
    expect(chunk.items[0]).not.toHaveProperty('paragraphs');
  });

  it('reports a bad date-time, URL or author person with its place', async () => {
    const bad = { ...rich, datePublished: '2024-06-12T25:00:00+09:00', url: 'javascript:alert(1)', authors: [{ name: 'X', person: 'nobody-known' }] };
    const r = await build([file(bad)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    expect(lines).toContainEqual(expect.stringMatching(/seoul-rain-record\.json: \/datePublished: must be a calendar date/));
    expect(lines).toContainEqual(expect.stringMatching(/\/url: must be an absolute http\(s\) URL/));
  });

  it('names an unknown author person as a broken link', async () => {
    const r = await build([file({ ...rich, authors: [{ name: 'X', person: 'nobody-known' }] })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ path: '/authors/0/person' }));
  });

  it('leaves an embargoed story out until its time, then publishes it', async () => {
    const embargoed = { ...rich, embargoedUntil: '2026-06-01T00:00:00Z' };
    const before = await build([file(embargoed)], '2026-05-31T23:59:59Z');
    const after = await build([file(embargoed)], '2026-06-01T00:00:00Z');
    if (!before.ok || !after.ok) throw new Error('build failed');
    expect(article(before.data, 'seoul-rain-record')).toBeUndefined();
    expect(before.data.summary.articles).toBe(0);
    expect(article(after.data, 'seoul-rain-record')).toBeDefined();
  });
});

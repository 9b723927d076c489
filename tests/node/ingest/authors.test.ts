import { describe, expect, it } from 'vitest';
import { storyFromJsonLd } from '../../../tools/ingest/json-ld';
import { readNinjs } from '../../../tools/ingest/ninjs';
import { readPage } from '../../../tools/ingest/page';
import { authorSlug } from '../../../src/model/author-identity';
import { authorRecords } from '../../../src/model/author-record';
import type { ArticleCard } from '../../../src/model/documents';

/** Bylines as each source format identifies their authors, and who is one author. */
describe('authors from the sources', () => {
  it('keeps JSON-LD author @id, url and sameAs, and no blank node id', () => {
    const story = storyFromJsonLd({
      '@type': 'NewsArticle', headline: 'H',
      author: [
        { '@type': 'Person', '@id': 'https://news.example.org/#/person/jane', name: 'Jane Doe', url: 'https://news.example.org/staff/jane', sameAs: ['https://twitter.com/jane', 'not a url'] },
        { '@type': 'Person', '@id': '_:b0', name: 'Ravi Kumar' },
        'Asha Rao',
      ],
    }, 'JSON_LD');
    expect(story.authors).toEqual([
      { name: 'Jane Doe', url: 'https://news.example.org/staff/jane', id: 'https://news.example.org/#/person/jane', sameAs: ['https://twitter.com/jane'] },
      { name: 'Ravi Kumar', url: undefined },
      { name: 'Asha Rao' },
    ]);
  });

  it('reads ninjs authors and people whose rel is author, with their uri as identity; `by` stays the byline', () => {
    const item = readNinjs({
      uri: 'urn:x:1', standard: { name: 'ninjs', version: '3.1', schema: 'https://iptc.org/std/ninjs/ninjs-schema_3.1.json' },
      headlines: [{ value: 'H' }], by: 'Paulo Santalucia and Frances d\'Emilio',
      people: [{ name: 'Paulo Santalucia', rel: 'author', uri: 'https://agency.example/staff/ps' }, { name: 'Francesco Schettino', rel: 'about', uri: 'http://www.wikidata.org/entity/Q4421821' }],
    }, '/');
    expect('story' in item && item.story.authors).toEqual([{ name: 'Paulo Santalucia', id: 'https://agency.example/staff/ps' }]);
    expect('story' in item && item.story.byline).toBe('Paulo Santalucia and Frances d\'Emilio');
  });

  it('takes rel=author links (name and page) on a page without JSON-LD authors, else the author meta tag', () => {
    const linked = readPage('<html lang="en"><head><title>T</title><meta name="author" content="Desk"></head><body><h1>T</h1><a rel="author" href="/staff/jane-doe">Jane  Doe</a><p>Text.</p></body></html>', 'https://news.example.org/a/1');
    expect('story' in linked && linked.story.authors).toEqual([{ name: 'Jane Doe', url: 'https://news.example.org/staff/jane-doe' }]);
    const meta = readPage('<html lang="en"><head><title>T</title><meta name="author" content="Desk"></head><body><h1>T</h1><p>Text.</p></body></html>', 'https://news.example.org/a/1');
    expect('story' in meta && meta.story.authors).toEqual([{ name: 'Desk' }]);
  });
});

describe('who is one author', () => {
  const card = (slug: string, datePublished: string, language: string, authors: ArticleCard['authors']) =>
    ({ type: 'Article', slug, headline: slug, language, datePublished, datePublishedPrecision: 'DAY', datePublishedInferred: false, wordCount: 1, people: [], events: [], places: [], organizations: [], authors }) as ArticleCard;

  it('keys an identity in the normal form of a link, and a name by its handle', () => {
    expect(authorSlug({ name: 'A', url: 'https://www.news.example.org/staff/jane-doe/?utm_source=x' })).toBe(authorSlug({ name: 'B', url: 'http://news.example.org/staff/jane-doe' }));
    expect(authorSlug({ name: 'A', url: 'https://news.example.org/staff/jane-doe' })).not.toBe(authorSlug({ name: 'A', url: 'https://other.example.org/staff/jane-doe' }));
    expect(authorSlug({ name: ' Jane   DOE ' })).toBe('jane-doe');
    expect(authorSlug({ name: 'प्रिया शर्मा' })).toBe('प्रिया-शर्मा');
    expect(authorSlug({ name: 'Priya', id: 'urn:example:staff:42' })).toMatch(/^staff-[0-9a-f]{8}$/);
  });

  it('folds bylines oldest first: the newest name wins, each language keeps its newest, sameAs gathers', () => {
    const id = { name: 'x', id: 'urn:example:staff:42' };
    const records = authorRecords([
      card('new', '2024-06-02', 'en', [{ ...id, name: 'Priya Sharma', sameAs: ['https://b.example/p'] }]),
      card('old', '2024-06-01', 'hi', [{ ...id, name: 'प्रिया शर्मा', sameAs: ['https://a.example/p'] }, { name: 'Priya Sharma' }]),
    ]);
    expect(records.get(authorSlug(id))).toEqual({
      type: 'Author', slug: authorSlug(id), name: 'Priya Sharma', language: 'en', id: 'urn:example:staff:42',
      names: [{ language: 'en', value: 'Priya Sharma' }, { language: 'hi', value: 'प्रिया शर्मा' }],
      sameAs: ['https://a.example/p', 'https://b.example/p'],
    });
    expect(records.get('priya-sharma')?.names).toEqual([{ language: 'hi-Latn', value: 'Priya Sharma' }]);
  });
});

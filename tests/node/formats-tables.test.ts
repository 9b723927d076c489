import { describe, expect, it } from 'vitest';
import type { ArticleDoc } from '../../src/model/documents';
import { articleToJsonLd } from '../../src/formats/json-ld';
import { articleToNinjs } from '../../src/formats/ninjs';
import { ninjsSchemaErrors } from '../../tools/ingest/ninjs-schemas';

/**
 * A table in the body goes out in each format as that format holds one: ninjs's XHTML body
 * as an XHTML table in its place (IPTC's 3.1 schema accepts it), JSON-LD's plain-text
 * articleBody as the table's text; an embedded post's words are the poster's, in neither.
 */
const article: ArticleDoc = {
  type: 'Article', slug: 'rao-wins', headline: 'Rao wins the county', language: 'en', datePublished: '2024-06-04',
  datePublishedPrecision: 'DAY', datePublishedInferred: false, wordCount: 8,
  people: [], events: [], places: [], organizations: [], mentions: [], authors: [], images: [], subjects: [], translations: [],
  paragraphs: ['Rao won the county.', 'Ortiz conceded.'],
  body: [
    0,
    { type: 'table', caption: 'Votes & shares', rows: [{ header: true, cells: ['Candidate', 'Votes'] }, { cells: ['Rao <R>', '12,408'] }] },
    { type: 'embed', provider: 'TWITTER', url: 'https://x.com/rao/status/1', text: 'We did it.', attribution: 'Asha Rao (@rao) June 4, 2024' },
    1,
  ],
};
const SITE = { origin: 'https://news.example' };

describe('a body table in the formats', () => {
  it('is an XHTML table in ninjs, in reading order, escaped, and the schema accepts the item', () => {
    const ninjs = articleToNinjs(article, new Map(), SITE) as { bodies: Array<{ value: string }> };
    expect(ninjs.bodies[0]!.value).toBe([
      '<p>Rao won the county.</p>',
      '<table><caption>Votes &amp; shares</caption><tr><th>Candidate</th><th>Votes</th></tr><tr><td>Rao &lt;R&gt;</td><td>12,408</td></tr></table>',
      '<p>Ortiz conceded.</p>',
    ].join('\n'));
    expect(ninjsSchemaErrors(ninjs, '3.1')).toEqual([]);
  });

  it('is its text in JSON-LD articleBody, between the paragraphs', () => {
    expect(articleToJsonLd(article, new Map(), SITE).articleBody).toBe('Rao won the county.\n\nVotes & shares\nCandidate\tVotes\nRao <R>\t12,408\n\nOrtiz conceded.');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import seedFile from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import { freshWorker, seedKv } from './helpers';
import { SEED_SLUG } from '../../tools/fixtures/screens';

beforeAll(seedKv);
const query = freshWorker();

/** What these tests read of the seed article (names in Hindi, Wikidata ids). */
const SEED_ARTICLE = /* GraphQL */ `
  query ArticlePage($slug: String!) {
    article(slug: $slug) {
      id headline language dateline datePublished datePublishedInferred dateNote wordCount
      paragraphs { index text }
      people {
        id name(language: "hi") wikidataId
        articles(first: 5) { totalCount nodes { id headline datePublished } }
      }
      events { id name(language: "hi") startDate status }
      places { id name(language: "hi") kind }
      organizations { id name }
    }
  }
`;

interface MentionOut {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  entity: { __typename: string; slug: string; names: Array<{ value: string }>; aliases: Array<{ value: string }> };
}

const MENTIONS = /* GraphQL */ `
  query ($slug: String!) {
    article(slug: $slug) {
      paragraphs { index text mentions { start end } }
      mentions {
        paragraph start end text
        entity {
          __typename
          ... on Person { slug names { value } aliases { value } }
          ... on Event { slug names { value } aliases { value } }
          ... on Place { slug names { value } aliases { value } }
          ... on Organization { slug names { value } aliases { value } }
        }
      }
    }
  }
`;

describe('the seed article', () => {
  it('serves the text exactly as in data/, headline and every paragraph', async () => {
    const r = await query(SEED_ARTICLE, { slug: SEED_SLUG });
    const article = r.body.data?.article;
    expect(article.headline).toBe(seedFile.headline);
    expect(article.paragraphs.map((p: { text: string }) => p.text)).toEqual(seedFile.paragraphs);
    expect(article.paragraphs.map((p: { index: number }) => p.index)).toEqual([0, 1, 2, 3, 4]);
    expect(article).toMatchObject({
      language: 'hi',
      dateline: 'मास्को',
      datePublished: '2024-06-12',
      datePublishedInferred: true,
    });
    expect(article.dateNote).toContain('Wednesday');
  });

  it('links the people, places and organisations it names, in order of first mention', async () => {
    const r = await query(SEED_ARTICLE, { slug: SEED_SLUG });
    const a = r.body.data?.article;
    expect(a.people.map((p: { name: string }) => p.name)).toEqual(['व्लादिमीर पुतिन', 'किम जोंग उन']);
    expect(a.people.map((p: { wikidataId: string }) => p.wikidataId)).toEqual(['Q7747', 'Q56226']);
    expect(a.places.slice(0, 3).map((p: { name: string }) => p.name)).toEqual(['मास्को', 'रूस', 'उत्तर कोरिया']);
    expect(a.organizations.map((o: { name: string }) => o.name)).toEqual(['Korean Central News Agency', 'NHK']);
    expect(a.events.map((e: { startDate: string }) => e.startDate)).toContain('2019-04-25');
  });

  it('gives mentions whose offsets slice their paragraph to a name or alias of their entity', async () => {
    const r = await query(MENTIONS, { slug: SEED_SLUG });
    const { paragraphs, mentions } = r.body.data?.article as {
      paragraphs: Array<{ text: string; mentions: Array<{ start: number; end: number }> }>;
      mentions: MentionOut[];
    };
    expect(mentions.length).toBeGreaterThan(40);
    for (const m of mentions) {
      const slice = paragraphs[m.paragraph]!.text.slice(m.start, m.end);
      expect(slice).toBe(m.text);
      const names = [...m.entity.names, ...m.entity.aliases].map((n) => n.value.normalize('NFC'));
      expect(names).toContain(slice.normalize('NFC'));
    }
    // Per-paragraph lists partition the article's list.
    expect(paragraphs.flatMap((p) => p.mentions)).toHaveLength(mentions.length);
    expect(mentions[0]).toMatchObject({ paragraph: 0, start: 0, end: 6, text: 'मास्को' });
    const putin = mentions.filter((m) => m.entity.slug === 'vladimir-putin').map((m) => m.text);
    expect(new Set(putin)).toEqual(new Set(['व्लादिमीर पुतिन', 'पुतिन']));
    // Whole words only: रूसी (Russian) is not read as रूस (Russia) plus a vowel sign.
    for (const m of mentions.filter((m) => m.text === 'रूस')) {
      expect(paragraphs[m.paragraph]!.text.slice(m.end, m.end + 1)).not.toBe('ी');
    }
    // Longest alias first: the full country name, not just its last word.
    expect(mentions.map((m) => m.text)).toContain('संयुक्त राज्य अमेरिका');
  });
});

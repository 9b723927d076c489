import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, type KbEntity } from './knowledge-base';
import { linkStory } from './link-story';
import { ReviewReport, sentenceAround } from './review-report';
import { stripTitles } from './titles';

const n = (language: string, ...values: string[]) => values.map((value) => ({ language, value }));
const entity = (slug: string, type: KbEntity['type'], names: KbEntity['names'], extra: Partial<KbEntity> = {}): KbEntity => ({
  slug, type, names, related: [], ...extra,
});
const kb = buildKnowledgeBase([
  entity('russia', 'Place', [...n('hi', 'रूस', 'रूसी'), ...n('en', 'Russia')], { kind: 'COUNTRY', wikidataId: 'Q159' }),
  entity('united-states', 'Place', [...n('hi', 'अमेरिका', 'संयुक्त राज्य अमेरिका'), ...n('en', 'United States', 'US')], { kind: 'COUNTRY' }),
  entity('kim-jong-un', 'Person', [...n('hi', 'किम', 'किम जोंग उन'), ...n('en', 'Kim Jong-un')], { wikidataId: 'Q56226' }),
  entity('vladimir-putin', 'Person', [...n('hi', 'पुतिन'), ...n('en', 'President Vladimir Putin', 'Putin')], { wikidataId: 'Q7747' }),
  entity('kcna', 'Organization', n('hi', 'कोरियन सेंट्रल न्यूज़ एजेंसी')),
  entity('india', 'Place', [...n('hi', 'भारत', 'हिन्दुस्तान'), ...n('en', 'India')], { kind: 'COUNTRY' }),
  entity('north-korea', 'Place', [...n('ko', '북한'), ...n('en', 'North Korea')], { kind: 'COUNTRY' }),
  // One name, two entities: told apart by what else the story names.
  entity('georgia', 'Place', n('en', 'Georgia'), { kind: 'COUNTRY' }),
  entity('georgia-us-state', 'Place', n('en', 'Georgia'), { kind: 'REGION', related: ['united-states'] }),
  entity('congo', 'Place', n('en', 'Congo'), { kind: 'COUNTRY' }),
  entity('congo-drc', 'Place', n('en', 'Congo'), { kind: 'COUNTRY' }),
  entity('jordan', 'Place', n('en', 'Jordan'), { kind: 'COUNTRY' }),
  entity('michael-jordan', 'Person', n('en', 'Michael Jordan', 'Jordan')),
]);
const linked = (text: string, language = 'hi', given = [] as Parameters<typeof linkStory>[0]['given']) =>
  linkStory({ language, paragraphs: [text], given }, kb).mentions.map((m) => [text.slice(m.start, m.end), m.slug]);

describe('linkStory: names in the text', () => {
  it('matches whole words only, the longest alias first', () => {
    expect(linked('रूसी राष्ट्रपति और रूस')).toEqual([['रूसी', 'russia'], ['रूस', 'russia']]);
    expect(linked('संयुक्त राज्य अमेरिका और अमेरिका')).toEqual([['संयुक्त राज्य अमेरिका', 'united-states'], ['अमेरिका', 'united-states']]);
    expect(linked('किम जोंग उन ने कहा, किम ने')).toEqual([['किम जोंग उन', 'kim-jong-un'], ['किम', 'kim-jong-un']]);
  });

  it('folds Hindi spelling variants: nukta, anusvara for a half nasal, long/short vowels', () => {
    expect(linked('कोरियन सेंट्रल न्यू\u095B एजेंसी')).toEqual([['कोरियन सेंट्रल न्यू\u095B एजेंसी', 'kcna']]); // precomposed ज़
    expect(linked('कोरियन सेंट्रल न्यूज एजेंसी')).toEqual([['कोरियन सेंट्रल न्यूज एजेंसी', 'kcna']]); // no nukta
    expect(linked('हिंदुस्तान की बात')).toEqual([['हिंदुस्तान', 'india']]); // ं for न्
    expect(linked('पूतिन ने कहा')).toEqual([['पूतिन', 'vladimir-putin']]); // ू for ु
  });

  it('strips titles from names and leaves them out of the mention', () => {
    expect(stripTitles('श्री नरेंद्र मोदी जी')).toBe('नरेंद्र मोदी');
    expect(stripTitles('President Vladimir Putin')).toBe('Vladimir Putin');
    expect(linked('President Vladimir Putin and Mr Putin', 'en')).toEqual([['Vladimir Putin', 'vladimir-putin'], ['Putin', 'vladimir-putin']]);
  });

  it('keeps case where it tells names from words: acronyms as written, names capitalised', () => {
    expect(linked('The US told us that russia and Russia differ', 'en')).toEqual([['US', 'united-states'], ['Russia', 'russia']]);
  });

  it('reads names with a Korean particle written onto them', () => {
    const text = '북한이 응답하지 않았고 북한의 입장은';
    expect(linked(text, 'ko')).toEqual([['북한', 'north-korea'], ['북한', 'north-korea']]);
  });

  it('resolves a name shared by several entities by context, or leaves it unlinked for review', () => {
    expect(linked('Georgia voted, like the rest of the United States', 'en')).toEqual([['Georgia', 'georgia-us-state'], ['United States', 'united-states']]);
    // Part of a longer name the KB does not hold: not the country.
    expect(linked('the United States Senate and Digital India', 'en')).toEqual([]);
    expect(linked('Georgia signed a treaty', 'en')).toEqual([]);
    const r = linkStory({ language: 'en', paragraphs: ['Talks in Congo ended.'] }, kb);
    expect(r.mentions).toEqual([]);
    expect(r.review).toEqual([{ paragraph: 0, start: 9, end: 14, name: 'Congo', candidates: ['congo', 'congo-drc'] }]);
    // A person's title picks the person.
    expect(linked('Coach Jordan and Mr Jordan', 'en')).toEqual([['Jordan', 'michael-jordan']]);
  });
});

describe('linkStory: links the source gives', () => {
  it('come first, matched by Wikidata id in any of its URI forms, and decide shared names', () => {
    const r = linkStory({
      language: 'en',
      paragraphs: ['Georgia and Kim Jong-un.'],
      given: [
        { name: 'Putin', ids: ['http://www.wikidata.org/entity/Q7747'] },
        { ids: ['https://www.wikidata.org/wiki/Q56226'] },
        { name: 'Georgia', ids: [], type: 'Place' },
        { name: 'Nobody Known', ids: ['wd:Q999999999'] },
      ],
    }, kb);
    expect(r.entities).toEqual([
      { slug: 'vladimir-putin', via: 'source' },
      { slug: 'kim-jong-un', via: 'source' },
    ]);
    // "Georgia" names two places and the source gave no id: unmatched, and the text's Georgia
    // stays unlinked; an unknown Wikidata id is reported, not dropped.
    expect(r.mentions.map((m) => m.slug)).toEqual(['kim-jong-un']);
    expect(r.unmatchedGiven.map((g) => g.name)).toEqual(['Georgia', 'Nobody Known']);
  });
});

describe('review report', () => {
  it('lists names that look like entities but are not in the KB, with a count and a sentence', () => {
    const paragraphs = [
      'The company is led by Mr. R Madhavan. Alok Verma joined in May. Alok Verma spoke.',
      'संस्थान की निदेशक निधि केसरवानी ने प्रतिवेदन प्रस्तुत किया। कार्यक्रम का संचालन डॉ मोनिका सैनी एवं रूस ने किया।',
    ];
    const report = new ReviewReport();
    report.add('story-1', paragraphs, linkStory({ language: 'en', paragraphs }, kb).review);
    expect(report.entriesByCount().map(({ name, count }) => [name, count])).toEqual([
      ['Alok Verma', 2], ['R Madhavan', 1], ['निधि केसरवानी', 1], ['मोनिका सैनी', 1],
    ]);
    expect(report.entriesByCount()[0]!.context).toBe('Alok Verma joined in May.');
  });

  it('takes the sentence around a name, danda included', () => {
    const text = 'पहला वाक्य। पुतिन आए। तीसरा';
    expect(sentenceAround(text, text.indexOf('पुतिन'), text.indexOf('पुतिन') + 5)).toBe('पुतिन आए।');
    expect(sentenceAround('The sole defendant, Schettino, spoke.', 20, 29)).toBe('The sole defendant, Schettino, spoke.');
  });
});

import { describe, expect, it } from 'vitest';
import { dropBoilerplate, junkKind } from '../../../tools/ingest/boilerplate';
import { normaliseDate } from '../../../tools/ingest/dates';
import { readPage } from '../../../tools/ingest/page';
import { placeholderIn } from '../../../tools/ingest/placeholder';
import { toArticleDraft } from '../../../tools/ingest/to-article';

/** What the markup declares is not text, what is mostly links or figures, and templates published as stories. */
const prose = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `<p>The council met on Tuesday for the ${from + i + 1}th time this year, and its members argued about the budget, the schools and the roads until late in the evening.</p>`).join('');
const page = (head: string, body: string) => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const read = (html: string) => {
  const item = readPage(html, 'https://news.example/a');
  if (!('story' in item)) throw new Error(item.error);
  return item.story;
};
const NOW = new Date('2024-01-01T00:00:00Z');

describe('the markup: what it declares is not text', () => {
  it('keeps the article and drops captions, hidden blocks, player controls, share bars and standfirsts', () => {
    const s = read(page('<title>Council argues</title>', `<article><h1>Council argues</h1>
      <div class="article-standfirst">A dek that the summary carries.</div>
      <figure><img src="a.jpg"><figcaption>The mayor at the meeting. Photo: Jane Roe</figcaption></figure>
      ${prose(3)}
      <div class="intro-body__premium hidden"><p>Unlimited online access with one account.</p></div>
      <div style="display: none"><p>Enjoy additional articles per month.</p></div>
      <div class="video-js"><div class="vjs-current-time"><span class="vjs-control-text">Current time 0:00</span></div></div>
      <div class="share-bar"><p>Share this story with a friend.</p></div>
      ${prose(3, 3)}</article>`));
    expect(s.paragraphs).toHaveLength(6);
    expect(s.paragraphs.join(' ')).not.toMatch(/dek|mayor|Unlimited|additional|Current time|Share/);
  });

  it('drops a caption a camelCase class names, and a rail of teasers inside the article', () => {
    const s = read(page('<title>Council argues</title>', `<article>${prose(3)}
      <div class="InlineImage-imageEmbed"><div class="InlineImage-imageEmbedCaption">The mayor, center, passes the town hall on Monday, a week before the vote on the budget.</div></div>
      <div class="rail__item"><div class="rail__item-content"><h3 class="rail__item-headline">RANDY ANDY</h3><span class="rail__item-sub">Another story entirely, in a teaser</span></div></div>
      ${prose(3, 3)}</article>`));
    expect(s.paragraphs).toHaveLength(6);
    expect(s.paragraphs.join(' ')).not.toMatch(/mayor, center|RANDY|teaser/);
  });

  it('drops a list of links (related stories) and a table of figures, keeps prose with a link in it', () => {
    const s = read(page('<title>Council argues</title>', `<article>${prose(3)}
      <p>The council <a href="/budget">published the budget</a> on its site, where residents can read every line of it before the next vote.</p>
      <ul><li><a href="/a">Council elects a new chair</a></li><li><a href="/b">Schools reopen after the storm</a></li></ul>
      <table><tr><th>Team</th><th>Score</th></tr><tr><td>PSG</td><td>0 - 1</td></tr><tr><td>Bayern</td><td>2 - 0</td></tr></table>
      ${prose(2, 3)}</article>`));
    expect(s.paragraphs).toHaveLength(6);
    expect(s.paragraphs[3]).toMatch(/^The council published the budget/);
    // A sentence whose link is most of its text still has words of its own around it: prose citing a source.
    const cited = read(page('<title>Council argues</title>', `<article>${prose(3)}
      <p>The inquiry had been shelved in 2017 but was <a href="/inquiry">re-opened earlier this year following the mayor's resignation from the board</a>.</p>
      <p><a href="/c">Profile: the mayor</a></p>${prose(2, 3)}</article>`));
    expect(cited.paragraphs).toHaveLength(6);
    expect(cited.paragraphs[3]).toMatch(/^The inquiry had been shelved/);
    expect(s.paragraphs.join(' ')).not.toMatch(/chair|Schools reopen|PSG|Bayern/);
  });

  it('keeps an article whose container misuses a landmark role (CTV marks its text role="contentinfo")', () => {
    const s = read(page('<title>Council argues</title>', `<div role="contentinfo">${prose(6)}</div>`));
    expect(s.paragraphs).toHaveLength(6);
  });
});

describe('the boilerplate filter: credits and lists', () => {
  it.each([
    ['(Reporting by Rich McKay in Palm Beach; Editing by Tom Brown)', 'credit'],
    ['This report by The Canadian Press was first published March 24, 2023.', 'credit'],
    ['Ortutay reported from Oakland, California.', 'credit'],
    ['政府正檢討區議會職能，擬減少直選議席。（盧君朗攝/資料圖片）', 'caption'],
    ['3:47 Protests turn violent as police fire stun grenades', 'label'],
    ['Published Mar 29, 2023 • Last updated Mar 29, 2023 • 3 minute read', 'dateline'],
    ['11. April 2023, 9:02 Uhr', 'dateline'],
    ['Image 1 of 23 Caption Close', 'label'],
    ['4:23 Former President Donald Trump faces indictment— what now?', 'label'],
    ['Agencies', 'credit'],
    ['Advert', 'label'],
    ['Associated Press writers Alan Fram, Zeke Miller, Laurie Kellman, Colleen Long, Eric Tucker, Lolita Baldor and Jill Colvin contributed to this report.', 'credit'],
    ["Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit", 'call-to-action'],
    ['Yersinia pestis causes the plague (Image: GETTY)', 'caption'],
    ['Let our news meet your inbox. The news and stories that matter, delivered weekday mornings.', 'call-to-action'],
    ['Something to Consider: If you enjoyed this article, we have a proposition for you: join our members.', 'call-to-action'],
    ['この記事は有料記事です。残り1387文字有料会員になると続きをお読みいただけます。', 'call-to-action'],
    ['Image 1 of / 4', 'label'],
    ['1 of 6', 'label'],
    ['Caption', 'label'],
    ['More:', 'label'],
    ["DON'T MISS", 'label'],
    ['Tags: budget, council, transport', 'label'],
    ['[button link="https://example.com/review" type="big"] Send us your review[/button]', 'label'],
    ['Note: we are temporarily moderating all comments submitted to deal with a surge in spam.', 'call-to-action'],
    ['Start your day with the Morning Brief, the preferred reading of people who follow the markets closely. Sign up for the free daily newsletter.', 'call-to-action'],
    ['Her book about the search for life elsewhere is out now. Follow her on Twitter @example. Follow us on Twitter @examplenews or Facebook.', 'call-to-action'],
  ])('drops %s (%s)', (text, kind) => expect(junkKind(text)).toBe(kind));

  it('keeps prose that mentions a credit or a time', () => {
    expect(junkKind('The minister, who reported from the border for a decade before entering politics, said on Monday at 9:30 that the talks would resume within the week.')).toBeUndefined();
  });

  it('keeps a line that reports what someone said, though it names a call to action', () => {
    expect(junkKind('The engineers fixed the fault, the chief executive said, and the service continued to sign up new subscribers through the week.')).toBeUndefined();
  });

  it('keeps the wire\'s "___" break, at an end too and when it repeats', () => {
    const a = 'The council approved the budget on Tuesday after a debate that lasted into the night.';
    const b = 'Members of the opposition said they would challenge the vote in court next month.';
    expect(junkKind('___')).toBeUndefined();
    expect(dropBoilerplate([a, '___', b, '___']).kept).toEqual([a, '___', b, '___']);
  });
});

describe('template placeholders are refused with the reason', () => {
  it.each([
    ['{{body}}', /template marker/], ['[[text]]', /template marker/], ['${headline}', /template marker/], ['<%= article.body %>', /template marker/],
    ['articleBody', /field name/], ['Headline goes here', /field name/],
    ['Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.', /Lorem ipsum/],
  ])('%s', (text, reason) => expect(placeholderIn(text)).toMatch(reason));

  it('leaves text that mentions them alone', () => {
    expect(placeholderIn('Designers fill their mock-ups with "Lorem ipsum", a scrambled passage of Cicero, until the real copy arrives.')).toBeUndefined();
    expect(placeholderIn('Les accolades {{ }} de Mustache ont remplacé les anciens gabarits du journal, explique la rédactrice en chef.')).toBeUndefined();
  });

  it('refuses a page whose template was published: no article file, every reason given', () => {
    const lorem = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    const filler = toArticleDraft(read(page('<title>Council argues</title>', `<article>${`<p>${lorem}</p>`.repeat(4)}</article>`)), NOW);
    expect(filler.draft).toBeUndefined();
    expect(filler.errors.join('; ')).toMatch(/placeholder text for a body: Lorem ipsum filler/);
    const ld = { '@type': 'NewsArticle', headline: '{{headline}}', articleBody: '{{body}}', datePublished: '2024-01-01' };
    const template = toArticleDraft(read(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<p>{{body}}</p>')), NOW);
    expect(template.draft).toBeUndefined();
    expect(template.errors.join('; ')).toMatch(/placeholder for a headline: the template marker "\{\{headline\}\}".*json-ld body is a placeholder: the template marker "\{\{body\}\}"/);
  });
});

describe('a field name inside a body', () => {
  it('is a subheading there, a placeholder only as the whole field', () => {
    expect(placeholderIn('Summary', false)).toBeUndefined();
    expect(placeholderIn('Summary')).toMatch(/field name/);
  });
});

describe('the headline readers see, the date a page prints', () => {
  const ld = (headline: string) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline })}</script>`;
  it('takes the <h1> whole where JSON-LD cut the headline short, not a title with a section suffix', () => {
    const cutShort = read(page(`${ld('Sudan, chiuse decine di ospedali e tregua violata. Germania blocca l’evacuazione di 150 cittadini…')}<meta property="og:title" content="Sudan - Il Fatto">`,
      `<h1>Sudan, chiuse decine di ospedali e tregua violata. Germania blocca l’evacuazione di 150 cittadini tedeschi</h1>${prose(6)}`));
    expect(cutShort.headline).toBe('Sudan, chiuse decine di ospedali e tregua violata. Germania blocca l’evacuazione di 150 cittadini tedeschi');
    const suffix = read(page(`${ld('New Israel bill would make it harder to oust Netanyahu over corruption charges')}<meta property="og:title" content="New Israel bill would make it harder to oust Netanyahu over corruption charges - National">`, prose(6)));
    expect(suffix.headline).toBe('New Israel bill would make it harder to oust Netanyahu over corruption charges');
  });

  it('drops a kicker that the <h1> sets apart', () => {
    const s = read(page(ld('Mutmaßliche Kriegsverbrechen: Kosovos Ex-Präsident Thaci vor Gericht'),
      `<h1><span class="topline">Mutmaßliche Kriegsverbrechen</span> <span class="headline">Kosovos Ex-Präsident Thaci vor Gericht</span></h1>${prose(6)}`));
    expect(s.headline).toBe('Kosovos Ex-Präsident Thaci vor Gericht');
    const joined = read(page(ld('Ölpreis: OPEC+ kürzt die Produktion'), `<h1>Ölpreis: OPEC+ kürzt die Produktion</h1>${prose(6)}`));
    expect(joined.headline).toBe('Ölpreis: OPEC+ kürzt die Produktion');
  });

  it('reads a basic-format meta date and, last, a date printed in an element classed as one', () => {
    expect(normaliseDate(read(page('<meta name="articleDate" content="20230329"><title>T</title>', prose(6))).datePublished)).toBe('2023-03-29');
    expect(normaliseDate('20231399')).toBeUndefined();
    expect(read(page('<title>T</title>', `<span class="date">2023-04-13 14:41</span>${prose(6)}`)).datePublished).toBe('2023-04-13');
    expect(read(page('<title>T</title>', `<span class="views">2023 readers</span>${prose(6)}`)).datePublished).toBeUndefined();
  });
});

describe('a bold standfirst the description repeats', () => {
  it('is the summary, not the first paragraph; a bold paragraph the description does not repeat stays', () => {
    const lead = 'The council will vote on the budget next week. Months of argument about schools and roads may end.';
    const s = read(page(`<title>T</title><meta property="og:description" content="${lead}">`, `<article><p><strong>${lead}</strong></p>${prose(6)}</article>`));
    expect(s.paragraphs).toHaveLength(6);
    const kept = read(page('<title>T</title><meta property="og:description" content="Something else entirely, about another story.">', `<article><p><strong>${lead}</strong></p>${prose(6)}</article>`));
    expect(kept.paragraphs[0]).toBe(lead);
  });

  it('is the lede when it is one sentence (agency style sets the first sentence in bold)', () => {
    const lede = 'The council faced stiff criticism on Tuesday over its decision to close two schools, while the mayor cheered the move.';
    const s = read(page(`<title>T</title><meta property="og:description" content="${lede}">`, `<article><p><strong>${lede}</strong></p>${prose(6)}</article>`));
    expect(s.paragraphs).toHaveLength(7);
    expect(s.paragraphs[0]).toBe(lede);
  });

  it('drops a long disclaimer or channel promotion', () => {
    expect(junkKind('(Disclaimer: Recommendations given in this section or any reports attached herein are authored by an external party. Views expressed are that of the respective authoring entities and do not represent the views of the publication.)')).toBe('call-to-action');
  });
});

describe('a standfirst set apart above the text', () => {
  const dek = 'The president’s unpredictability and demands of China are complicating an end to the long-running dispute, experts say.';
  it('is dropped when the description repeats it inside the article\'s <header>', () => {
    const s = read(page(`<title>T</title><meta name="description" content="${dek}">`, `<article><header><h1>Trade talks stall</h1><p class="css-1ifw933">${dek}</p><p>By Ana Swanson</p></header><section>${prose(6)}</section></article>`));
    expect(s.paragraphs).toHaveLength(6);
    expect(s.paragraphs.join(' ')).not.toContain('unpredictability');
  });
  it('drops a highlights box above the text (a summary of lines taken from it)', () => {
    const s = read(page('<title>T</title>', `<article><h1>Trade talks stall</h1><section class="field-highlights"><div>Highlights</div><div>Israeli courts, however, have declared most major settlements legal.</div></section>${prose(6)}</article>`));
    expect(s.paragraphs).toHaveLength(6);
  });
  it('stays when it is the lede the description repeats, in the text itself', () => {
    const s = read(page(`<title>T</title><meta name="description" content="${dek}">`, `<article><h1>Trade talks stall</h1><p>${dek}</p>${prose(6)}</article>`));
    expect(s.paragraphs).toHaveLength(7);
    expect(s.paragraphs[0]).toBe(dek);
  });
});

describe('an author\'s note closing the page', () => {
  it('is dropped at the end; a sentence about a person in the news stays', () => {
    const text = 'The jam will set within 24 to 48 hours, and keeps for a year in a cool, dark cupboard, she said.';
    const note = 'Regan is a Southeastern Connecticut native now living in Central Massachusetts with her husband, two sons, and two cats.';
    expect(dropBoilerplate([text, note]).kept).toEqual([text]);
    const news = 'Smith is a veteran diplomat who has covered three wars and now lives in Geneva, officials said.';
    expect(dropBoilerplate([text, news]).kept).toEqual([text, news]);
  });
});

describe('a place dateline on its own line', () => {
  it('stays above the first sentence; a section label there goes', () => {
    const first = 'Based on its connectivity and workflow expertise, the company presented a new solution on Tuesday.';
    expect(dropBoilerplate(['BAAR, SWITZERLAND', first]).kept).toEqual(['BAAR, SWITZERLAND', first]);
    expect(dropBoilerplate(['World news', first]).kept).toEqual([first]);
  });
});

describe('the headline printed again behind a kicker', () => {
  it('is dropped; a paragraph that only starts like the headline stays', () => {
    const headline = 'Semesterbeginn mit neuem Prediger an der Uni in Halle';
    const kept = dropBoilerplate(['Kirche - Halle (Saale):Semesterbeginn mit neuem Prediger an der Uni in Halle', 'Halle (dpa/sa) - Unter dem Motto "Zum ewigen Frieden" soll in Halle am Dienstag auch das neue kirchliche Semester eröffnet werden.'], { headline }).kept;
    expect(kept).toHaveLength(1);
  });
});

describe('short lines at either end', () => {
  const text = 'The band announced the tour on Monday, its first in a decade, with dates across the country.';
  it('stay when they are data the story gives: three or more, most with a figure', () => {
    const dates = ['Aug. 30 -- Pepsi Center, Denver, CO', 'Sept. 2 -- USANA Amphitheatre, Salt Lake City, UT', 'Sept. 5 -- The Forum, Los Angeles, CA'];
    expect(dropBoilerplate([text, ...dates]).kept).toEqual([text, ...dates]);
    expect(dropBoilerplate([...dates, text]).kept).toEqual([...dates, text]);
  });

  it('go when they are a menu, a list of other stories stamped with their times, or a tag list', () => {
    expect(dropBoilerplate([text, 'News', 'Sport', 'Weather']).kept).toEqual([text]);
    expect(dropBoilerplate([text, '20:53 2023/04/12 Shipping shares rise', '20:59 2023/04/11 Index up four days', '21:03 2023/04/04 Index back at 1400', 'Recommended']).kept).toEqual([text]);
    expect(dropBoilerplate([text, 'Tags', 'terms:', 'Fair Hill InternationalThings To Do In October']).kept).toEqual([text]);
  });
});

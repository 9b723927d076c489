import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { buildSchema, getNullableType, isInterfaceType, isListType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import sdl from '../../schema/schema.graphql?raw';
import { toGlobalId } from '../../src/model/global-id';
import { createWorker } from '../../src/worker';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { SEED_SLUG } from '../../tools/fixtures/screens';
import { faulty, type Faults } from './faulty-kv';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Errors stay where they happen: for every list field of the schema (read from the schema, so a
 * new list cannot go untested), one stored document behind one item is corrupted through a
 * fault-injecting wrapper around the real local KV, and the answer must be the healthy answer
 * with null exactly at the paths its errors name, every one of them inside one item of the
 * list; the other items, the list and the rest of the screen answer as before. Messages never
 * name an internal KV key (production settings, as wrangler.toml ships them).
 */
type Data = Record<string, any>;
interface Case {
  query: string;
  /** The lists whose items the errors must stay in (paths into `data`). */
  lists: Array<Array<string | number>>;
  /** What to corrupt, chosen from the healthy answer. */
  faults: (healthy: Data) => Faults;
}

const pictures = (k: number) => [
  { url: `https://img.example.com/${k}.jpg`, alt: `Picture ${k}`, renditions: [{ name: 'thumb', url: `https://img.example.com/${k}-320.jpg`, width: 320 }] },
];
const versions: string[] = [];
const files = (extra: string[]) => [
  ...seedFiles(),
  ...[...generateCorpus(6)].map((file, k) => {
    const a = JSON.parse(file.text) as Data;
    Object.assign(a, {
      images: pictures(k),
      section: k % 2 ? 'World' : 'खेल',
      subjects: [{ name: 'Cricket' }, { name: k % 2 ? 'Diplomacy' : 'Space' }],
      authors: [{ name: 'Vladimir Putin', person: 'vladimir-putin' }, { name: 'Kim Jong Un', person: 'kim-jong-un' }],
      translations: [{ language: 'en', url: `https://example.com/en/${k}` }],
      about: ['vladimir-putin', 'kim-jong-un'],
      // A structured body: a subhead with emphasis, the rest as a list, a picture, an embed and a table.
      body: [
        { type: 'heading', level: 2, paragraph: 0, marks: [{ start: 0, end: 1, type: 'emphasis' }] },
        { type: 'list', items: (a.paragraphs as string[]).slice(1).map((_, i) => i + 1) },
        { type: 'image', image: pictures(k)[0] },
        { type: 'embed', provider: 'YOUTUBE', url: `https://www.youtube.com/watch?v=${k}` },
        { type: 'table', rows: [{ header: true, cells: ['Side', 'Gives'] }, { cells: ['Russia', String(k)] }] },
      ],
    });
    return { path: file.path, text: JSON.stringify(a) };
  }),
  { path: 'curated/top-stories.json', text: JSON.stringify({ home: ['generated-000001', 'generated-000002'], World: ['generated-000001', 'generated-000003'] }) },
  ...extra.map((slug) => ({
    path: `articles/${slug}.json`,
    text: JSON.stringify({ slug, language: 'en', headline: `Story ${slug}`, datePublished: '2024-06-20', source: 'Written for this test.', paragraphs: ['Putin met Kim.'], about: ['moscow'] }),
  })),
];

beforeAll(async () => {
  versions.push((await buildAndPublish(files(['story-a']))).version);
  versions.push((await buildAndPublish(files(['story-b', 'story-c']))).version);
}, 90_000);

const entity = (slug: string): Faults => ({ corrupt: (key) => key.endsWith(`:e:${slug}`) });
const article = (slug: string): Faults => ({ corrupt: (key) => key.endsWith(`:a:${slug}`) });
const listHead = (list: string): Faults => ({ corrupt: (key) => key.endsWith(`:h:${list}`) });
const withArticles = 'articles(first: 2) { totalCount }';
const G1 = 'generated-000001';

const ENTITY_LISTS: Case = {
  query: `{ article(slug: "${SEED_SLUG}") {
    people { slug names { value } aliases { value } }
    events { slug names { value } aliases { value } }
    places { slug names { value } aliases { value } }
    organizations { slug names { value } aliases { value } } } }`,
  lists: [['article', 'people'], ['article', 'events'], ['article', 'places'], ['article', 'organizations']],
  faults: () => ({ corrupt: (key) => ['kim-jong-un', 'russia-day-2024', 'moscow', 'nhk'].some((s) => key.endsWith(`:e:${s}`)) }),
};
const ARTICLE_PARTS: Case = {
  query: `{ articles(first: 4) {
    edges { cursor node { slug images { url alt renditions { url width } } translations { language url }
      paragraphs { text mentions { start entity { id } } }
      body { __typename text ... on ParagraphBlock { spans { text } } ... on HeadingBlock { spans { marks } } ... on QuoteBlock { spans { text } }
        ... on ListBlock { items { paragraph spans { text marks } } } ... on TableBlock { rows { header cells } } } } }
    nodes { slug images { url } } } }`,
  lists: [['articles', 'edges'], ['articles', 'nodes']],
  faults: (h) => article(h.articles.edges[1].node.slug),
};
const SECTIONS: Case = {
  query: `{ sections { key name names { language value } ${withArticles} } }`,
  lists: [['sections']],
  faults: () => listHead('articles@section:world'),
};
const SUBJECTS: Case = {
  query: `{ subjects { key name names { language value } ${withArticles} } }`,
  lists: [['subjects']],
  faults: () => listHead('articles@subject:tag:cricket'),
};
const SEARCH: Case = {
  query: `{ search(query: "पुतिन") { edges { score highlights { paragraph start end } node { slug } } nodes { slug } } }`,
  lists: [['search', 'edges'], ['search', 'nodes']],
  faults: (h) => ({ corruptWhere: (key, text) => key.includes(':s:a:') && text.includes(`"slug":"${h.search.edges[0].node.slug}"`) }),
};
const connectionOf = (field: string, kind: string): Case => ({
  query: `{ ${field}(first: 4) { edges { cursor node { slug ${withArticles} } } nodes { slug ${withArticles} } } }`,
  lists: [[field, 'edges'], [field, 'nodes']],
  faults: (h) => listHead(`articles@${kind}:${h[field].edges.find((e: Data) => e.node.articles.totalCount > 0).node.slug}`),
});
const CHANGES: Case = {
  query: `query ($since: ID!) { changes(since: $since) {
    edges { cursor node { nodeId kind node { id ... on Article { headline } } } }
    nodes { nodeId node { id ... on Article { headline } } } refetchLists } }`,
  lists: [['changes', 'edges'], ['changes', 'nodes']],
  faults: () => article('story-c'),
};

/** An author's record, read by id and behind a byline (which is nullable for it): one unreadable record nulls its item in each. */
const AUTHORS: Case = {
  query: `{ nodes(ids: ["${toGlobalId('Author', 'vladimir-putin')}", "${toGlobalId('Author', 'kim-jong-un')}"]) { id ... on Author { names { language value } sameAs } }
    article(slug: "${G1}") { authors { slug name names { language value } sameAs person { slug name } } } }`,
  lists: [['nodes'], ['article', 'authors']],
  faults: () => ({ corrupt: (key) => key.endsWith(':w:kim-jong-un') }),
};
const CURATED: Case = {
  query: `{ curatedList(key: "top-stories:home") { articles { slug headline } } section(key: "world") { topStories { slug headline } } }`,
  lists: [['curatedList', 'articles'], ['section', 'topStories']],
  faults: () => article('generated-000001'),
};

/** Every list field of the schema, and the case that corrupts one document behind one of its items. */
const CASES: Record<string, Case> = {
  'Query.nodes': {
    query: `{ nodes(ids: ["${toGlobalId('Person', 'vladimir-putin')}", "${toGlobalId('Person', 'kim-jong-un')}"]) { id ... on Person { name } } }`,
    lists: [['nodes']],
    faults: () => entity('kim-jong-un'),
  },
  'Query.sections': SECTIONS,
  'Section.names': SECTIONS,
  'Query.subjects': SUBJECTS,
  'Subject.names': SUBJECTS,
  'Author.names': AUTHORS,
  'Author.sameAs': AUTHORS,
  'CuratedList.articles': CURATED,
  'Section.topStories': CURATED,
  'Query.suggest': {
    query: '{ suggest(prefix: "v") { ... on Node { id } slug name } }',
    lists: [['suggest']],
    faults: (h) => entity(h.suggest[1].slug),
  },
  'Article.authors': AUTHORS,
  'Article.subjects': {
    query: `{ article(slug: "${G1}") { subjects { key name ${withArticles} } } }`,
    lists: [['article', 'subjects']],
    faults: () => listHead('articles@subject:tag:cricket'),
  },
  'Article.images': ARTICLE_PARTS,
  'Image.renditions': ARTICLE_PARTS,
  'Article.translations': ARTICLE_PARTS,
  'Article.paragraphs': ARTICLE_PARTS,
  'Paragraph.mentions': ARTICLE_PARTS,
  'Article.body': ARTICLE_PARTS,
  'ParagraphBlock.spans': ARTICLE_PARTS,
  'HeadingBlock.spans': ARTICLE_PARTS,
  'QuoteBlock.spans': ARTICLE_PARTS,
  'ListBlock.items': ARTICLE_PARTS,
  'ListItem.spans': ARTICLE_PARTS,
  'TableBlock.rows': ARTICLE_PARTS,
  'TableRow.cells': ARTICLE_PARTS,
  'Span.marks': ARTICLE_PARTS,
  'ArticleConnection.edges': ARTICLE_PARTS,
  'ArticleConnection.nodes': ARTICLE_PARTS,
  'Article.people': ENTITY_LISTS,
  'Article.events': ENTITY_LISTS,
  'Article.places': ENTITY_LISTS,
  'Article.organizations': ENTITY_LISTS,
  'Person.names': ENTITY_LISTS,
  'Person.aliases': ENTITY_LISTS,
  'Event.names': ENTITY_LISTS,
  'Event.aliases': ENTITY_LISTS,
  'Place.names': ENTITY_LISTS,
  'Place.aliases': ENTITY_LISTS,
  'Organization.names': ENTITY_LISTS,
  'Organization.aliases': ENTITY_LISTS,
  'Entity.names': ENTITY_LISTS,
  'Entity.aliases': ENTITY_LISTS,
  'Article.mentions': {
    query: `{ article(slug: "${SEED_SLUG}") { mentions { paragraph start end text entity { id name } } } }`,
    lists: [['article', 'mentions']],
    faults: () => entity('kim-jong-un'),
  },
  'Article.related': {
    query: `{ article(slug: "${SEED_SLUG}") { related(first: 5) { slug images { url } } } }`,
    lists: [['article', 'related']],
    faults: (h) => article(h.article.related[0].slug),
  },
  'Event.participants': {
    query: '{ event(slug: "putin-kim-summit-2019") { participants { ... on Node { id } slug name } } }',
    lists: [['event', 'participants']],
    faults: () => entity('kim-jong-un'),
  },
  'PersonConnection.edges': connectionOf('people', 'Person'),
  'PersonConnection.nodes': connectionOf('people', 'Person'),
  'EventConnection.edges': connectionOf('events', 'Event'),
  'EventConnection.nodes': connectionOf('events', 'Event'),
  'SearchConnection.edges': SEARCH,
  'SearchConnection.nodes': SEARCH,
  'SearchEdge.highlights': SEARCH,
  'ChangeConnection.edges': CHANGES,
  'ChangeConnection.nodes': CHANGES,
  // Names, not documents: read with the change list itself, nothing of it can fail alone.
  'ChangeConnection.refetchLists': CHANGES,
};

/** The list fields of the schema's object and interface types, as Type.field. */
function listFields(): string[] {
  const schema = buildSchema(sdl);
  return Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
    .flatMap((t) => Object.values((t as { getFields(): Record<string, { name: string; type: any }> }).getFields())
      .filter((f) => isListType(getNullableType(f.type)))
      .map((f) => `${t.name}.${f.name}`));
}

async function ask(query: string, faults: Faults = {}) {
  const ctx = createExecutionContext();
  const request = new Request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { since: versions[0] } }),
  });
  const response = await createWorker().fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, NEWS: faulty(env.NEWS, faults).kv }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: (await response.json()) as { data?: Data | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }> } };
}

const at = (data: unknown, path: ReadonlyArray<string | number>): any => path.reduce<any>((v, k) => v?.[k], data);
const startsWith = (path: ReadonlyArray<string | number>, prefix: ReadonlyArray<string | number>) => prefix.every((k, i) => path[i] === k);

describe('one unreadable document nulls its item, not the screen', () => {
  it('every list field of the schema has a case (a new list must add one)', () => {
    expect(listFields().sort()).toEqual(Object.keys(CASES).sort());
  });

  const cases = [...new Set(Object.values(CASES))];
  it.each(cases.map((c) => [Object.keys(CASES).filter((k) => CASES[k] === c).join(', '), c] as const))('%s', async (_, c) => {
    const healthy = await ask(c.query);
    expect(healthy.body.errors).toBeUndefined();
    for (const list of c.lists) expect(at(healthy.body.data, list).length).toBeGreaterThan(1);

    const { status, body } = await ask(c.query, c.faults(healthy.body.data!));
    expect(status).toBe(200);
    expect(body.errors?.length).toBeGreaterThan(0);
    // The healthy answer with null at exactly the paths the errors name: nothing else changed.
    const expected = structuredClone(healthy.body.data!);
    for (const error of body.errors!) {
      const path = error.path!;
      // The null lands at the error's field or, where that is non-null, at the nearest nullable parent.
      const landed = path.slice(0, [...path.keys()].reverse().find((n) => at(body.data, path.slice(0, n + 1)) === null)! + 1);
      at(expected, landed.slice(0, -1))[landed.at(-1)!] = null;
      // Each null lies inside one item of a list under test (or is the item), never the list or above it.
      const list = c.lists.find((l) => startsWith(landed, l));
      expect(list, path.join('.')).toBeDefined();
      expect(landed.length).toBeGreaterThan(list!.length);
      expect(typeof landed[list!.length]).toBe('number');
      expect(error.extensions?.code).toBe('DATA_UNAVAILABLE');
      expect(error.message).not.toMatch(/v:[^\s:]+:|:[aehlxurksw]:/);
    }
    expect(body.data).toEqual(expected);
    // Some item of each list that had an error is untouched.
    for (const list of c.lists) {
      const items = at(body.data, list) as unknown[];
      expect(items.some((item, i) => JSON.stringify(item) === JSON.stringify(at(healthy.body.data, [...list, i])))).toBe(true);
    }
  });
});

/**
 * The app's read operations the bench measures, as a client sends them. Adding an operation
 * is adding one entry. An entry with `needs` is skipped (and reported as such) when the
 * schema has no such Query field yet.
 */
export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** A Query field the operation needs; checked by introspection before measuring. */
  needs?: string;
}

const SEED_ARTICLE = 'putin-to-visit-north-korea-next-week';

export const OPERATIONS: Operation[] = [
  {
    // The article page: body with mentions, its people, events and places, and each
    // person's first page of articles ("more about Putin").
    name: 'article page',
    query: `query ArticlePage($slug: String!) {
      article(slug: $slug) {
        id headline language dateline datePublished source wordCount
        paragraphs { index text mentions { start end entity { __typename ... on Person { slug } ... on Event { slug } ... on Place { slug } ... on Organization { slug } } } }
        people { id slug name articles(first: 10) { totalCount nodes { slug headline datePublished } } }
        events { id slug name startDate status }
        places { id slug name kind }
      }
    }`,
    variables: { slug: SEED_ARTICLE },
  },
  {
    name: 'latest 20',
    query: `query Latest {
      articles(first: 20) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id slug headline language datePublished people { slug name } } }
      }
    }`,
  },
  {
    name: 'person page',
    query: `query PersonPage($slug: String!) {
      person(slug: $slug) {
        id slug name description wikidataId
        articles(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { slug headline datePublished } }
        events { totalCount nodes { slug name startDate status } }
      }
    }`,
    variables: { slug: 'vladimir-putin' },
  },
  {
    name: 'event page',
    query: `query EventPage($slug: String!) {
      event(slug: $slug) {
        id slug name description startDate endDate status
        location { slug name }
        participants { __typename ... on Person { slug name } ... on Place { slug name } ... on Organization { slug name } }
        articles(first: 20) { totalCount nodes { slug headline datePublished } }
      }
    }`,
    variables: { slug: 'putin-visit-to-north-korea-2024' },
  },
  {
    // `search` comes from another branch; its return type is not known here, so the
    // selection is the one field every object type has. Refine once it lands.
    name: 'search',
    query: `query Search($query: String!) { search(query: $query) { __typename } }`,
    variables: { query: 'पुतिन किम' },
    needs: 'search',
  },
];

/** The app's main screens, as the tests (and the KV budgets) state them. */
export const ARTICLE_PAGE = /* GraphQL */ `
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

export const LATEST_ARTICLES = /* GraphQL */ `
  query Latest {
    articles(first: 20) {
      totalCount
      edges { cursor node { id headline datePublished people { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const SEED_SLUG = 'putin-to-visit-north-korea-next-week';

/**
 * The documents of a small Relay app (an article screen and a person screen with an infinite
 * list), as an app team writes them. relay-compiler turns them into tests/relay-app/src/__generated__/ and the
 * persisted-query manifest operations/clients/relay-example-app.json (tests/node/relay-app.test.ts
 * checks both are current); tests/worker/relay-app.test.ts runs them through relay-runtime.
 * The `graphql` tag is only read by the compiler: the app imports the generated artifacts.
 */
import { graphql } from 'relay-runtime';

export const articleScreen = graphql`
  query RelayArticleScreenQuery($slug: String!) {
    article(slug: $slug) {
      id
      headline
      people {
        id
        ...RelayPersonArticles_person
      }
      mentions {
        entity {
          id
          name(language: "hi")
        }
      }
    }
  }
`;

export const personArticles = graphql`
  fragment RelayPersonArticles_person on Person
  @refetchable(queryName: "RelayPersonArticlesPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 1 }, cursor: { type: "String" }) {
    name
    articles(first: $count, after: $cursor) @connection(key: "RelayPersonArticles_articles") {
      edges {
        node {
          id
          headline
        }
      }
    }
  }
`;

export const sync = graphql`
  query RelaySyncQuery($since: ID!) {
    changes(since: $since, first: 100) {
      version
      nodes {
        id
        nodeId
        kind
        node {
          id
          ... on Article {
            headline
          }
        }
      }
    }
    dataVersion {
      id
    }
  }
`;

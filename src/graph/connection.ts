import { encodeCursor, type PageRange } from '../model/page-range';

/**
 * The one builder of Relay connections (https://relay.dev/graphql/connections.htm): edges with
 * offset cursors, `nodes` beside them, PageInfo and the total. `edgeFields` adds what an edge
 * of one connection carries beyond its node (a search hit's score and highlights).
 */
export interface Connection<T, X extends object = object> {
  edges: Array<{ cursor: string; node: T } & X>;
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export function toConnection<T, X extends object = object>(
  nodes: T[],
  total: number,
  range: PageRange,
  edgeFields?: (node: T, index: number) => X,
): Connection<T, X> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(range.start + i), node, ...edgeFields?.(node, i) }) as { cursor: string; node: T } & X);
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: range.hasNextPage,
      hasPreviousPage: range.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: total,
  };
}

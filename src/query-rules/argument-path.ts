import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * A scalar's parseLiteral sees the value, not where it stands. For the BAD_USER_INPUT errors a
 * scalar raises on a literal (src/graph/date-time-scalar.ts), this names the argument as the
 * client wrote it (`filter.modifiedSince`) in the message and in `extensions.argument`, as the
 * resolvers' own argument errors do.
 */
export function argumentPathOf(document: DocumentNode, value: ASTNode): string | undefined {
  let path: string | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node !== value) return undefined;
      // `ancestors` stops above `parent`: the field the value is given for is the parent.
      const names = [...ancestors, parent ?? []].flatMap((a) =>
        'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) ? [a.name.value] : [],
      );
      path = names.length > 0 ? names.join('.') : undefined;
      return false;
    },
  });
  return path;
}

export function namedArgumentErrors(document: DocumentNode, errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    const at = error.nodes?.[0];
    if (error.extensions?.code !== ErrorCode.BAD_USER_INPUT || error.extensions.argument || !at) return error;
    const argument = argumentPathOf(document, at);
    if (!argument) return error;
    return new GraphQLError(`\`${argument}\`: ${error.message}`, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      originalError: error.originalError,
      extensions: { ...error.extensions, argument },
    });
  });
}

import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';

/**
 * Where a value stands in a document, as the client wrote it: the argument and the input
 * fields down to it (`filter.modifiedSince`). A scalar's parseLiteral sees the value alone;
 * src/http/argument-errors.ts names the argument of its error from here.
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

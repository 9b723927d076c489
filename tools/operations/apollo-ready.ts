import { addTypenameToDocument } from '@apollo/client/utilities';
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Persisted operations that normalizing clients hit and cache as they are configured by default.
 *
 * - Apollo Client (addTypename on) adds `__typename` to every selection set but the operation's
 *   root before it hashes the printed document for its persisted-query link; the build does the
 *   same with Apollo's own transform, so the manifest's id is the hash Apollo computes.
 * - Apollo and Relay store an object by `__typename` + `id` (Apollo's dataIdFromObject; Relay's
 *   Node `id`); an object selected without its `id` stays nested in its parent and is never
 *   shared or updated. So every selection of a type whose objects all have an `id` must select it.
 */
export function withTypename(document: DocumentNode): DocumentNode {
  return addTypenameToDocument(document);
}

export interface MissingId {
  /** The field's path, such as `article.people`, and where it is in the file. */
  path: string;
  line: number;
  column: number;
}

/** The selections of identifiable types that lack `id`. */
export function selectionsWithoutId(schema: GraphQLSchema, document: DocumentNode): MissingId[] {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const missing: MissingId[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const type = typeInfo.getType();
          if (node.selectionSet && type && hasId(schema, getNamedType(type)) && !selectsField(node.selectionSet, 'id')) {
            missing.push({ path: path.join('.'), line: node.loc?.startToken.line ?? 0, column: node.loc?.startToken.column ?? 0 });
          }
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return missing;
}

/** True when every object of the type has an `id` field. */
function hasId(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  if (isObjectType(type)) return 'id' in type.getFields();
  if (isAbstractType(type)) return schema.getPossibleTypes(type).every((t) => 'id' in t.getFields());
  return false;
}

/** Whether the field is selected here or in an inline fragment of this selection set. */
function selectsField(selectionSet: SelectionSetNode, name: string): boolean {
  return selectionSet.selections.some((selection) =>
    selection.kind === Kind.FIELD
      ? selection.name.value === name && !selection.alias
      : selection.kind === Kind.INLINE_FRAGMENT && selectsField(selection.selectionSet, name),
  );
}

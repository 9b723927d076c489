import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A validation rule: the operation's type (query, mutation, subscription) must exist in the
 * schema. graphql-js 16 leaves this to execution, which answers "Schema is not configured to
 * execute mutation operation" as an execution error; graphql-js 17 adds this very rule
 * (KnownOperationTypesRule, GraphQL spec section 5.2.3, "Operation Type Existence").
 */
export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: node }),
        );
      }
    },
  };
}

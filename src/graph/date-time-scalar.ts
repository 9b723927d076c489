import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { InvalidArgument } from '../model/domain-errors';
import { dateTimeProblem, normalDateTime } from '../model/date-time';

/**
 * `scalar DateTime`: an RFC 3339 date-time, read strictly (src/model/date-time.ts). Inside,
 * the value is its UTC text (`2024-06-12T05:00:00.000Z`), which sorts and compares as the list
 * keys do; answers give that form. A value that is not one is BAD_USER_INPUT: as a variable,
 * graphql-js names the variable and the path in it (`at "filter.modifiedSince"`); as a literal,
 * namedArgumentErrors (src/http/argument-errors.ts) names the argument.
 */
const refuse = (value: unknown, node?: ValueNode): never => {
  const message = `DateTime ${dateTimeProblem(value)}`;
  // A variable's error is coded where graphql-js reports it (BAD_USER_INPUT, naming the variable); a literal's carries the domain error.
  throw new GraphQLError(message, node ? { nodes: node, originalError: new InvalidArgument(message) } : {});
};

const strict = (value: unknown, node?: ValueNode): string => (typeof value === 'string' ? normalDateTime(value) : null) ?? refuse(value, node);

export const DATE_TIME_SCALAR = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  // Stored values were checked at build; one that is not a date-time is a field error, never sent as is.
  serialize: (value) => {
    const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? null : value.toISOString()) : typeof value === 'string' ? normalDateTime(value) : null;
    if (text === null) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}: not an RFC 3339 date-time.`);
    return text;
  },
  parseValue: (value) => strict(value),
  // The literal's node goes with the error: validation reports it at its place, and the argument is named from it.
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? strict(ast.value, ast) : refuse(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : print(ast), ast)),
});

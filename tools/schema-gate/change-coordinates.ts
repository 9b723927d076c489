/**
 * What a schema change of graphql-js (findBreakingChanges / findDangerousChanges) is about, as
 * schema coordinates (the form tools/schema-gate/used-coordinates.ts collects): read from its
 * description, the only place graphql-js names the type, field, argument or value. An operation
 * is concerned by a change when it uses every coordinate of the change's list.
 */
const RULES: Array<[RegExp, (m: RegExpMatchArray) => string[]]> = [
  // "Query.article arg slug was removed." / "... has changed type from ..." / "... defaultValue ..."
  [/(\w+)\.(\w+) arg (\w+)/, (m) => [`${m[1]}.${m[2]}(${m[3]}:)`]],
  // "A required arg x on directive defer was added." / "A required arg x on Query.article was added."
  [/arg \w+ on directive (\w+)/, (m) => [`@${m[1]}`]],
  [/arg \w+ on (\w+)\.(\w+)/, (m) => [`${m[1]}.${m[2]}`]],
  // "Article.headline was removed." / "Article.headline changed type from String! to String."
  [/^(\w+)\.(\w+) /, (m) => [`${m[1]}.${m[2]}`]],
  // A removed value breaks operations that write it; an added one concerns all that read the enum.
  [/^(\w+) was removed from enum type (\w+)/, (m) => [`${m[2]}.${m[1]}`]],
  [/^\w+ was added to enum type (\w+)/, (m) => [m[1]!]],
  [/field (\w+) on input type (\w+)/, (m) => [m[2]!]],
  [/^(\w+) was (?:removed from|added to) union type (\w+)/, (m) => [m[2]!]],
  [/^(\w+) no longer implements interface (\w+)/, (m) => [m[1]!, m[2]!]],
  [/^(\w+) added to interfaces implemented by (\w+)/, (m) => [m[2]!, m[1]!]],
  // Directive changes: "defer was removed." with a DIRECTIVE_* type, "if was removed from defer."
  [/ (?:was removed )?from (\w+)\.$/, (m) => [`@${m[1]}`]],
  [/^Repeatable flag was removed from (\w+)/, (m) => [`@${m[1]}`]],
  [/^(?:Standard scalar )?(\w+) (?:was removed|changed from)/, (m) => [m[1]!]],
];

export function changeCoordinates(change: { type: string; description: string }): string[] {
  if (change.type === 'DIRECTIVE_REMOVED') return [`@${change.description.split(' ')[0]}`];
  for (const [pattern, coordinates] of RULES) {
    const match = change.description.match(pattern);
    if (match) return coordinates(match);
  }
  return [];
}

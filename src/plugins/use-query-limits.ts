import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { queryTooComplex } from '../errors';
import { LIMITS } from '../limits';

/**
 * Depth, aliases, directives and tokens, checked by graphql-armor (Escape Technologies'
 * well-kept set of envelop rules; plain graphql-js visitors, so it bundles for workerd with
 * no eval). Its own cost rule is off: it ignores variables and default page sizes, so
 * use-cost-limit.ts prices queries instead.
 *
 * armor's rejections read "Syntax Error: ..." and carry no code; each is replaced by a
 * QUERY_TOO_COMPLEX error naming the limit of src/limits.ts and its value. Validation-time
 * rejections are reported as validation errors (so every limit hit is listed at once); the
 * token limit is hit while parsing, so that error is rewritten in place.
 */
const FOUND = /found (\d+)/;

function report(limit: keyof typeof LIMITS) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = FOUND.exec(error.message);
    context?.reportError(queryTooComplex(limit, LIMITS[limit], found ? Number(found[1]) : undefined));
  };
}

function rewriteTokenError(_: ValidationContext | null, error: GraphQLError): void {
  const replacement = queryTooComplex('maxTokens', LIMITS.maxTokens);
  error.message = replacement.message;
  Object.assign(error.extensions, replacement.extensions);
}

export function useQueryLimits(options: { production: boolean }): ReturnType<typeof EnvelopArmorPlugin> {
  const onValidation = (limit: 'maxDepth' | 'maxAliases' | 'maxDirectives') => ({
    n: LIMITS[limit],
    propagateOnRejection: false,
    onReject: [report(limit)],
  });
  return EnvelopArmorPlugin({
    maxDepth: { ...onValidation('maxDepth'), flattenFragments: true },
    maxAliases: onValidation('maxAliases'),
    maxDirectives: onValidation('maxDirectives'),
    maxTokens: { n: LIMITS.maxTokens, onReject: [rewriteTokenError] },
    costLimit: { enabled: false },
    // "Did you mean ...?" lists schema fields: hidden in production, where introspection
    // is the documented way to learn the schema.
    blockFieldSuggestion: { enabled: options.production },
  });
}

import { IngestError } from './problem';

/**
 * Refuses JSON nested deeper than `max` levels. JSON.parse reads any depth, but everything
 * after it (validators, JSON.stringify, zod) recurses and would die of a stack overflow on
 * 100,000 levels. No real ninjs or JSON-LD document comes near 64. Iterative.
 */
export const MAX_JSON_DEPTH = 64;

export function checkJsonDepth(value: unknown, max = MAX_JSON_DEPTH): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) throw new IngestError(`is nested more than ${max} levels deep`);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
}

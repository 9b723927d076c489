import { utf8Length } from '../../src/text/utf8-length';
import { bytesText, INPUT_LIMITS } from '../data/input-limits';
import type { Problem } from '../data/problems';

/**
 * Workers KV refuses a key over 512 bytes and a value over 25 MiB (Cloudflare KV limits). The
 * build checks every entry of a version against them, so that a data set the build accepts
 * can also be published, instead of failing at upload after the build said it was fine.
 *
 * An article too large for one value is an error, not split across keys: an article is read
 * with one KV read (src/store), and 25 MiB is some 4 million words, far past any article.
 */

/** Where an entry came from, for the report: the data file and the place in it. */
export type SourceOf = (key: string) => { file: string; path: string };

export function kvLimitProblems(key: string, valueBytes: number, sourceOf: SourceOf): Problem[] {
  const problems: Problem[] = [];
  const keyBytes = utf8Length(key);
  if (keyBytes > INPUT_LIMITS.kvKeyBytes) {
    problems.push({
      ...sourceOf(key),
      message: `gives the KV key "${shown(key).slice(0, 80)}…" of ${bytesText(keyBytes)}; a KV key is at most ${bytesText(INPUT_LIMITS.kvKeyBytes)}`,
    });
  }
  if (valueBytes > INPUT_LIMITS.kvValueBytes) {
    problems.push({
      ...sourceOf(key),
      message:
        `is ${bytesText(valueBytes)} as stored (KV key ${shown(key)}); a KV value is at most ` +
        `${bytesText(INPUT_LIMITS.kvValueBytes)}: shorten it or split it into several articles`,
    });
  }
  return problems;
}

/** Keys are checked before the version is known (it is a hash of them): shown as a pattern. */
const shown = (key: string) => key.replace(/^v:\*:/, 'v:<version>:');

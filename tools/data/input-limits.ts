import { MAX_WORD_LENGTH } from '../../src/text/analyze';

/**
 * Every limit the build step holds data files to, in one place. docs/input-limits.md lists
 * the same values (tests/node/input-limits-doc.test.ts compares them).
 */
export const INPUT_LIMITS = {
  /** A Workers KV value (Cloudflare KV limits): an article, as stored, must fit in one. */
  kvValueBytes: 25 * 1024 * 1024,
  /** A Workers KV key, in UTF-8 bytes (Cloudflare KV limits). */
  kvKeyBytes: 512,
  /** A data file is not read past this size: V8 cannot hold a string of more than 512 MiB. */
  sourceFileBytes: 256 * 1024 * 1024,
  /** A slug (file name and key part), ASCII. */
  slugLength: 120,
  /** A BCP 47 language tag: RFC 5646 (4.4.1) asks every implementation to accept 35. */
  languageTagLength: 35,
  /** An entity's name or alias. */
  nameLength: 200,
  /** An article's headline. */
  headlineLength: 1000,
  /** Rows of a table in an article's body: a table of figures, not a data dump. */
  tableRows: 1000,
  /** Cells of one row of a body table. */
  tableColumns: 64,
  /** Characters of one cell of a body table. */
  tableCellLength: 2000,
  /** Longer words are kept in the text but not indexed for search (Lucene's default). */
  indexedWordLength: MAX_WORD_LENGTH,
} as const;

const MIB = 1024 * 1024;
/** "26,214,400 bytes (25 MiB)": sizes in messages, exact and readable. */
export const bytesText = (n: number): string =>
  `${n.toLocaleString('en')} bytes${n >= MIB ? ` (${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB)` : ''}`;

import type { ArticleCard, AuthorDoc } from './article-docs';
import type { LocalizedText } from './entity-docs';
import { authorSlug } from './author-identity';

/**
 * An author as the build keeps it (`v:<ver>:w:<slug>`, src/model/keys.ts): the bylines of all
 * the author's articles folded oldest first, so the newest byline's name, page and Person win
 * and every language's name is the newest given in it. A publish folds its new bylines onto
 * the stored record (tools/delta/incremental.ts).
 */
export interface AuthorRecord {
  type: 'Author';
  slug: string;
  /** The newest byline's name, and the language it was given in (the default of `name(language:)`). */
  name: string;
  language: string;
  names: LocalizedText[];
  url?: string;
  id?: string;
  sameAs?: string[];
  person?: string;
}

/** Whether a language is written in Latin letters by default (CLDR likely subtags, via Intl). */
function defaultScript(language: string): string | undefined {
  try {
    return new Intl.Locale(language).maximize().script;
  } catch {
    return undefined;
  }
}

/** A name as printed, its spaces made single. */
const printed = (name: string) => name.trim().replace(/\s+/gu, ' ');

const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\p{P}\p{Zs}\d]+$/u;

/**
 * A byline's names by language: those the data gives (`names`), else its name in the article's
 * language, tagged `-Latn` when a language of another script (Hindi) prints it in Latin letters.
 */
export function bylineNames(author: Pick<AuthorDoc, 'name' | 'names'>, language: string): LocalizedText[] {
  if (author.names && author.names.length > 0) return author.names;
  const name = printed(author.name);
  const latinInOther = !language.includes('-') && LATIN_ONLY.test(name) && (defaultScript(language) ?? 'Latn') !== 'Latn';
  return [{ language: latinInOther ? `${language}-Latn` : language, value: name }];
}

/** Folds one byline of an article in `language` onto what is known of its author. */
export function foldByline(record: AuthorRecord | null, author: AuthorDoc, language: string): AuthorRecord {
  const names = new Map((record?.names ?? []).map((n) => [n.language, n.value]));
  for (const n of bylineNames(author, language)) names.set(n.language, n.value);
  const sameAs = [...new Set([...(record?.sameAs ?? []), ...(author.sameAs ?? [])])].sort();
  const url = author.url ?? record?.url;
  const id = author.id ?? record?.id;
  const person = author.person ?? record?.person;
  return {
    type: 'Author',
    slug: record?.slug ?? authorSlug(author),
    name: printed(author.name),
    language,
    names: [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([l, value]) => ({ language: l, value })),
    ...(url !== undefined ? { url } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(person !== undefined ? { person } : {}),
  };
}

/** Every author of `cards` (given newest first, as lists keep them), each folded oldest first. */
export function authorRecords(cards: readonly ArticleCard[], start: ReadonlyMap<string, AuthorRecord> = new Map()): Map<string, AuthorRecord> {
  const records = new Map(start);
  for (let i = cards.length - 1; i >= 0; i--) {
    const card = cards[i]!;
    for (const author of card.authors ?? []) {
      const slug = authorSlug(author);
      records.set(slug, foldByline(records.get(slug) ?? null, author, card.language));
    }
  }
  return records;
}

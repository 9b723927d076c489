import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { articleFile, type ArticleFile } from '../data/data-format';
import { articleFileText } from './to-article';

/**
 * The article files already in data/articles, indexed by identity, and the one way ingest
 * writes them. A story's identity is its source identifier (ninjs uri, guid, Atom id,
 * JSON-LD @id), else its canonical URL, else its headline and date; ingesting the same story
 * again finds its file and updates it in place.
 */
/**
 * What ingest keeps of each article while it runs: its identity, the fields an update
 * carries over, and a hash of its content. Not the text: a 100,000-item feed must not hold
 * 100,000 stories in memory.
 */
export interface StoredArticle {
  slug: string;
  keys: string[];
  version?: number;
  dateModified?: string;
  datePublished: string;
  dateNote?: string;
  contentHash: string;
}

/** JSON with sorted keys and no undefined: equal for equal content, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** A hash of everything in the file but what an update itself changes (version, dateModified). */
export const contentHash = (file: ArticleFile): string =>
  createHash('sha256').update(canonical({ ...file, version: undefined, dateModified: undefined })).digest('hex');

export function storedArticle(file: ArticleFile): StoredArticle {
  return {
    slug: file.slug, keys: identityKeys(file), version: file.version, dateModified: file.dateModified,
    datePublished: file.datePublished, dateNote: file.dateNote, contentHash: contentHash(file),
  };
}

export function identityKeys(file: Pick<ArticleFile, 'origin' | 'url' | 'headline' | 'datePublished'>): string[] {
  const keys: string[] = [];
  if (file.origin?.uri) keys.push(`uri:${file.origin.uri}`);
  if (file.url) keys.push(`url:${file.url}`);
  if (keys.length === 0) keys.push(`headline:${file.headline}\u0000${file.datePublished.slice(0, 10)}`);
  return keys;
}

export class ArticleStore {
  readonly bySlug = new Map<string, StoredArticle>();
  private readonly byIdentity = new Map<string, string>();

  constructor(readonly dir: string) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // no data/articles yet: the first ingest creates it
    }
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch {
        continue; // the build reports a broken file; ingest neither reads nor overwrites it
      }
      const parsed = articleFile.safeParse(json);
      // A file the build would refuse still holds its slug: ingest never takes it over.
      if (parsed.success) this.remember(storedArticle(parsed.data));
      else this.bySlug.set(name.slice(0, -5), { slug: name.slice(0, -5), keys: [], datePublished: '', contentHash: '' });
    }
  }

  remember(article: StoredArticle): void {
    this.bySlug.set(article.slug, article);
    for (const key of article.keys) if (!this.byIdentity.has(key)) this.byIdentity.set(key, article.slug);
  }

  forget(slug: string): void {
    const stored = this.bySlug.get(slug);
    this.bySlug.delete(slug);
    if (stored) for (const key of stored.keys) if (this.byIdentity.get(key) === slug) this.byIdentity.delete(key);
  }

  find(keys: string[]): StoredArticle | undefined {
    for (const key of keys) {
      const slug = this.byIdentity.get(key);
      if (slug) return this.bySlug.get(slug);
    }
    return undefined;
  }

  /**
   * Writes an article file atomically: to a dotfile beside it (which the build ignores),
   * flushed to disk, then renamed over the target (rename(2) replaces in one step), so a
   * crash leaves the old file or the new one, never half of one.
   */
  write(slug: string, file: ArticleFile): void {
    mkdirSync(this.dir, { recursive: true });
    const target = join(this.dir, `${slug}.json`);
    const temp = join(this.dir, `.${slug}.json.${process.pid}.tmp`);
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, articleFileText(file));
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, target);
  }

  remove(slug: string): void {
    unlinkSync(join(this.dir, `${slug}.json`));
  }
}

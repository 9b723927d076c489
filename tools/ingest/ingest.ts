import type { ArticleFile } from '../data/data-format';
import { readDataSet } from '../data/read-data-set';
import { readSourceFiles } from '../data/source-files';
import { validateLinks } from '../data/validate-links';
import { ArticleStore, contentHash, identityKeys, storedArticle } from './article-store';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch-source';
import { knowledgeBase, sourceLinks, type KnowledgeBase, type Linker } from './link-hook';
import { expandInputs, isUrl, loadInput } from './load-inputs';
import { messageOf, type IngestProblem } from './problem';
import { readInput } from './read-input';
import { disambiguate, slugOf } from './slug';
import type { Story } from './story';
import { articleFileErrors, toArticleDraft } from './to-article';
import { join } from 'node:path';

/**
 * `npm run ingest`: reads every input, turns each story into an article file of data/articles,
 * and reports per item. An item with a problem is reported (source, item, JSON Pointer or
 * item number) and not written; the others still go in. Writes are atomic and idempotent
 * (article-store.ts); `dryRun` plans and reports the same, writing nothing.
 */
export interface IngestOptions {
  dataDir: string;
  dryRun?: boolean;
  now?: Date;
  linker?: Linker;
  limits?: FetchLimits;
  /** BCP 47 tag for stories whose source declares no language (and whose script tells none). */
  defaultLanguage?: string;
}

export type ChangeAction = 'created' | 'updated' | 'unchanged' | 'removed' | 'withheld';

export interface Change {
  action: ChangeAction;
  slug?: string;
  source: string;
  where: string;
  version?: number;
  note?: string;
}

export interface IngestReport {
  changes: Change[];
  problems: IngestProblem[];
}

function loadKnowledgeBase(dataDir: string): { kb: KnowledgeBase; problems: string[] } {
  let files: ReturnType<typeof readSourceFiles>;
  try {
    files = readSourceFiles(dataDir, 'entities');
  } catch {
    return { kb: knowledgeBase([]), problems: [] }; // no data/entities: nothing to link to
  }
  const { dataSet, problems } = readDataSet(files);
  problems.push(...validateLinks(dataSet));
  const typed = [
    ...dataSet.people.map((e) => ({ e, type: 'Person' as const })),
    ...dataSet.events.map((e) => ({ e, type: 'Event' as const })),
    ...dataSet.places.map((e) => ({ e, type: 'Place' as const })),
    ...dataSet.organizations.map((e) => ({ e, type: 'Organization' as const })),
  ];
  const kb = knowledgeBase(typed.map(({ e, type }) => ({
    slug: e.slug, type, wikidataId: e.wikidataId,
    names: [...Object.values(e.names), ...e.aliases.map((a) => a.value)],
  })));
  return { kb, problems: problems.map((p) => `${p.file}: ${p.path}: ${p.message}`) };
}

export async function ingest(args: string[], options: IngestOptions): Promise<IngestReport> {
  const now = options.now ?? new Date();
  const linker = options.linker ?? sourceLinks;
  const report: IngestReport = { changes: [], problems: [] };
  const { kb, problems: kbProblems } = loadKnowledgeBase(options.dataDir);
  if (kbProblems.length > 0) {
    report.problems.push(...kbProblems.map((message) => ({ source: join(options.dataDir, 'entities'), where: '/', message })));
    return report; // links could not be checked: nothing is written until the KB builds
  }
  const store = new ArticleStore(join(options.dataDir, 'articles'));
  for (const source of expandInputs(args)) {
    let items;
    try {
      items = readInput(await loadInput(source, options.limits ?? DEFAULT_FETCH_LIMITS));
    } catch (error) {
      report.problems.push({ source, where: (error as { where?: string }).where ?? '/', message: messageOf(error) });
      continue;
    }
    for (const item of items) {
      if ('error' in item) report.problems.push({ source, where: item.where, message: item.error });
      else {
        try {
          await ingestStory(item.story, { source, where: item.where }, { store, kb, linker, now, dryRun: !!options.dryRun, report, defaultLanguage: options.defaultLanguage });
        } catch (error) {
          report.problems.push({ source, where: item.where, message: messageOf(error) });
        }
      }
    }
  }
  return report;
}

interface Context {
  store: ArticleStore;
  kb: KnowledgeBase;
  linker: Linker;
  now: Date;
  dryRun: boolean;
  report: IngestReport;
  defaultLanguage?: string;
}

async function ingestStory(story: Story, at: { source: string; where: string }, ctx: Context): Promise<void> {
  if (!story.language && ctx.defaultLanguage) story.language = ctx.defaultLanguage;
  const problem = (message: string): void => void ctx.report.problems.push({ ...at, message });
  const stamp = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // ninjs pubStatus: "withheld" and "canceled" take a story down (IPTC ninjs 3.1, pubStatus).
  if (story.pubStatus === 'withheld' || story.pubStatus === 'canceled') {
    const keys = [story.uri && `uri:${story.uri}`, story.url && `url:${story.url}`].filter((k): k is string => !!k);
    const existing = ctx.store.find(keys);
    if (existing) {
      if (!ctx.dryRun) ctx.store.remove(existing.slug);
      ctx.store.forget(existing.slug);
    }
    ctx.report.changes.push({ ...at, action: existing ? 'removed' : 'withheld', slug: existing?.slug, note: `pubStatus ${story.pubStatus}` });
    return;
  }
  const { draft, errors } = toArticleDraft(story, ctx.now);
  if (!draft) return void errors.forEach(problem);
  if (isUrl(at.source)) draft.origin = { ...draft.origin!, url: at.source };

  const links = await ctx.linker({
    language: draft.language, headline: draft.headline, summary: draft.summary, paragraphs: draft.paragraphs,
    byline: draft.byline, authors: draft.authors.map((a) => a.name), sourceEntities: story.entities, source: at.source,
  }, ctx.kb);
  const unknown = links.entities.filter((slug) => !ctx.kb.bySlug.has(slug));
  if (unknown.length > 0) return problem(`the linker named ${unknown.join(', ')}, which no KB entity is`);
  draft.events = links.entities.filter((s) => ctx.kb.bySlug.get(s)!.type === 'Event');
  draft.about = links.entities.filter((s) => ctx.kb.bySlug.get(s)!.type !== 'Event');
  draft.authors = draft.authors.map((a, i) => {
    const person = links.authors?.[i];
    return person && ctx.kb.bySlug.get(person)?.type === 'Person' ? { ...a, person } : a;
  });

  const keys = identityKeys(draft);
  const existing = ctx.store.find(keys);
  let slug = existing?.slug ?? slugOf(draft.headline);
  if (!existing && ctx.store.bySlug.has(slug)) slug = disambiguate(slug, keys[0]!);
  let file: ArticleFile = { slug, ...draft, version: story.version ?? 1 };
  if (existing) {
    const before = existing;
    if (draft.datePublishedInferred && before.datePublished) {
      // An inferred date is the first ingest's: a later ingest does not move the story.
      file = { ...file, datePublished: before.datePublished, dateNote: before.dateNote };
    }
    if (contentHash(file) === before.contentHash) {
      ctx.report.changes.push({ ...at, action: 'unchanged', slug, version: before.version });
      return;
    }
    file.version = Math.max(story.version ?? 0, (before.version ?? 1) + 1);
    file.dateModified = draft.dateModified && draft.dateModified !== before.dateModified ? draft.dateModified : stamp;
  }
  const fileErrors = articleFileErrors(file);
  if (fileErrors.length > 0) return void fileErrors.forEach(problem);
  if (!ctx.dryRun) ctx.store.write(slug, file);
  ctx.store.remember(storedArticle(file));
  const note = file.embargoedUntil && Date.parse(file.embargoedUntil) > ctx.now.getTime() ? `embargoed until ${file.embargoedUntil}` : undefined;
  ctx.report.changes.push({ ...at, action: existing ? 'updated' : 'created', slug, version: file.version, note });
}

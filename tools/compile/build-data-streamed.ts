import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleCard } from '../../src/model/documents';
import type { AnySourceFile } from '../data/decode-source';
import { articleCard } from './article-lists';
import { ArticleSpill } from './article-spill';
import type { BuildOptions, BuildResult } from './build-data-set';
import { compileArticles, type StreamedData } from './compile';
import type { Problem } from '../data/problems';
import { comparePaths, isArticlePath, readArticleFile, readDataSet, type SourceFile } from '../data/read-data-set';
import { spillSearchIndex } from './search-spill';
import { ownedSpillDir, removeOrphanSpills } from './spill-cleanup';
import { articleBuilder } from './to-documents';
import { articleLinkProblems, entityIndex, validateLinks } from '../data/validate-links';

const load = (file: AnySourceFile): SourceFile => ('read' in file ? file.read() : file);
const rss = () => `${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB RSS`;

/**
 * The build step for full builds (`npm run data:build`, the bench's corpora), in bounded
 * memory: the same problems, and the same entries byte for byte, as buildDataSet, which holds
 * everything (tools/compile/search-spill.test.ts compares them).
 *
 * Entities (a few files) are read and checked first; then the articles are read one at a
 * time, in the order buildDataSet reads them: each is decoded, checked, linked (toArticleDoc)
 * and appended to a spill file (article-spill.ts), and only its card stays in memory. The
 * search index spills too (search-spill.ts), and the entries are built as they are read. Once
 * any problem is found articles are still checked, so every problem is reported, but no more
 * are built. Node only. The caller disposes of the data once it has read the entries.
 */
export async function buildDataSetStreamed(
  files: Iterable<AnySourceFile>,
  options: BuildOptions & { spillDir?: string },
): Promise<BuildResult<StreamedData>> {
  const progress = options.progress ?? (() => {});
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const articleCount = sorted.reduce((n, f) => n + Number(isArticlePath(f.path)), 0);
  progress(`reading and checking ${sorted.length} file(s): ${sorted.length - articleCount} entity file(s) first`);
  const { dataSet, problems: readProblems } = readDataSet(sorted.filter((f) => !isArticlePath(f.path)).map(load));
  const entityProblems = validateLinks(dataSet);
  const linkProblems: Problem[] = [];
  // The linker's dictionary and the slug index serve the article loop only: dropped after it, so
  // the entries are compiled without them (at a million entities they are over a gigabyte).
  let index: ReturnType<typeof entityIndex> | undefined = entityIndex(dataSet);
  let build: ReturnType<typeof articleBuilder> | undefined = articleBuilder(dataSet);
  const now = Date.parse(options.builtAt);

  const spillParent = options.spillDir ?? tmpdir();
  for (const name of removeOrphanSpills(spillParent)) progress(`removed ${name}, left by a build that was stopped`);
  const spill = ownedSpillDir(spillParent);
  const store = new ArticleSpill(join(spill, 'articles'));
  const dispose = () => {
    store.dispose();
    rmSync(spill, { recursive: true, force: true });
  };
  try {
    const cards: ArticleCard[] = [];
    let mentions = 0;
    let read = 0;
    const started = performance.now();
    for (const source of sorted) {
      if (!isArticlePath(source.path)) continue;
      if (++read % 50_000 === 0) {
        const rate = Math.round(read / ((performance.now() - started) / 1000));
        progress(`${read} of ${articleCount} articles read, checked and linked (${rate}/s, ${rss()})`);
      }
      const article = readArticleFile(load(source), readProblems);
      // An embargoed story is left out of every version built before its time (ninjs
      // `embargoedUntil`); the next build after it passes publishes it.
      if (!article || (article.embargoedUntil && Date.parse(article.embargoedUntil) > now)) continue;
      linkProblems.push(...articleLinkProblems(article, index!, dataSet.excluded));
      if (readProblems.length + entityProblems.length + linkProblems.length > 0) continue;
      const doc = build!(article);
      store.add(doc);
      cards.push(articleCard(doc));
      mentions += doc.mentions.length;
    }
    index = build = undefined;
    // Reported as buildDataSet reports them: read problems in file order (a stable sort keeps
    // each file's own order), then the entities' links, then the articles'.
    readProblems.sort((a, b) => comparePaths(a.file, b.file));
    const problems = [...readProblems, ...entityProblems, ...linkProblems];
    if (problems.length > 0) {
      dispose();
      return { ok: false, problems };
    }
    progress(`compiling ${store.count} article(s) into KV entries (${rss()})`);
    const input = { entities: dataSet, store, cards, mentions };
    const compiled = await compileArticles(input, options.builtAt, options.hash, (c, a, e) => spillSearchIndex(c, a, e, spill, progress), progress);
    if ('problems' in compiled) {
      dispose();
      return { ok: false, problems: compiled.problems };
    }
    return { ok: true, data: { ...compiled, dispose: () => (compiled.dispose(), dispose()) } };
  } catch (error) {
    dispose();
    throw error;
  }
}

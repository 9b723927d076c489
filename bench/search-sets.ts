import { readFileSync } from 'node:fs';
import type { TextSourceFile } from '../tools/data/decode-source';
import { readSourceFiles } from '../tools/data/source-files';

/**
 * The judged sets of `npm run search:measure`, each a corpus (article source files, as the
 * build reads them) and queries with the slugs judged relevant:
 * - xquad: XQuAD (Artetxe, Ruder & Yogatama, ACL 2020; CC BY-SA 4.0,
 *   tests/fixtures/search-xquad/README.md): 240 Wikipedia paragraphs in each language, every
 *   paragraph one article, beside the seed data; each question's one relevant article is its
 *   own paragraph in its own language. Split by the paragraph's Wikipedia article: even
 *   articles (0, 2, ...) are the dev part, odd ones the held-out part.
 * - jsquad: JSQuAD (Kurihara, Kawahara & Shibata, "JGLUE", LREC 2022; CC BY-SA 4.0,
 *   tests/fixtures/search-jsquad/README.md): 416 Japanese Wikipedia paragraphs of 8 articles
 *   and the 1,687 questions written about them, the same way.
 * - news: the hand-judged queries of tests/fixtures/search-corpus (names, places, topics,
 *   short questions in hi, en, zh, ja, ko) over its invented articles and the seed data, all dev.
 */
export interface JudgedQuery {
  query: string;
  language: string;
  relevant: string[];
  part: 'dev' | 'held-out';
}
export interface JudgedSet {
  name: string;
  files: Array<TextSourceFile | ReturnType<typeof readSourceFiles>[number]>;
  queries: JudgedQuery[];
}

interface QaFile {
  paragraphs: Array<{ title: string; text: string }>;
  questions: Array<{ id: string; question: string; paragraph: number }>;
}

/** A question set over paragraphs: each paragraph one article, each question's own paragraph the one relevant. */
function qaSet(name: string, languages: string[], heldOut: (paragraph: number, titles: string[], set: QaFile) => boolean): JudgedSet {
  const files: JudgedSet['files'] = readSourceFiles('data');
  const queries: JudgedQuery[] = [];
  for (const language of languages) {
    const set = JSON.parse(readFileSync(`tests/fixtures/search-${name}/${language}.json`, 'utf8')) as QaFile;
    const titles = [...new Set(set.paragraphs.map((p) => p.title))];
    const slug = (i: number) => `${name}-${language}-${i}`;
    set.paragraphs.forEach((p, i) => {
      // One headline for all: no words of the question's own, so ranking rests on the paragraph.
      const article = { slug: slug(i), language, headline: name, datePublished: '2021-01-01', source: `${name} (CC BY-SA 4.0)`, paragraphs: [p.text] };
      files.push({ path: `articles/${slug(i)}.json`, text: JSON.stringify(article) });
    });
    for (const q of set.questions) {
      queries.push({ query: q.question, language, relevant: [slug(q.paragraph)], part: heldOut(q.paragraph, titles, set) ? 'held-out' : 'dev' });
    }
  }
  return { name, files, queries };
}

export const XQUAD_LANGUAGES = ['hi', 'en', 'zh'];

/** XQuAD: held out are the paragraphs of odd-numbered Wikipedia articles. */
export const xquadSet = (languages = XQUAD_LANGUAGES): JudgedSet =>
  qaSet('xquad', languages, (p, titles, set) => titles.indexOf(set.paragraphs[p]!.title) % 2 === 1);

/** JSQuAD (8 Wikipedia articles, so split by paragraph): held out are the odd-numbered paragraphs. */
export const jsquadSet = (): JudgedSet => qaSet('jsquad', ['ja'], (p) => p % 2 === 1);

export function newsSet(): JudgedSet {
  const judged = JSON.parse(readFileSync('tests/fixtures/search-corpus/judgments.json', 'utf8')) as Array<{ query: string; relevant: string[] }>;
  const files = [...readSourceFiles('data'), ...readSourceFiles('tests/fixtures/search-corpus', 'articles')];
  // A query's language is that of the article judged best for it.
  const languages = new Map<string, string>();
  for (const file of files.filter((f) => f.path.startsWith('articles/'))) {
    const { slug, language } = JSON.parse(new TextDecoder().decode(file.bytes)) as { slug: string; language: string };
    languages.set(slug, language);
  }
  return { name: 'news', files, queries: judged.map((j) => ({ ...j, language: languages.get(j.relevant[0]!) ?? '?', part: 'dev' })) };
}

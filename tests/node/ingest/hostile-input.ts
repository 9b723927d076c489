import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, type IngestReport } from '../../../tools/ingest/ingest';
import { articleFiles, freshDataDir, NOW } from './helpers';

/**
 * What the hostile-input tests (hostile-files.test.ts, hostile-http.test.ts)
 * feed the ingest and how they run it: tight limits, so that a cap is reached in a test's time.
 */
export const LIMITS = { timeoutMs: 1_500, maxBytes: 4 * 1024 * 1024, maxRedirects: 5 };

export const rss = (title: string, body = '<p>A paragraph of the story.</p>', head = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${head}<rss version="2.0"><channel><title>T</title><language>en</language><item><guid>urn:hostile:1</guid>` +
  `<title>${title}</title><description><![CDATA[${body}]]></description></item></channel></rss>`;

export function page(headline: string, paragraph: string, charsetMeta = '') {
  return `<!doctype html><html lang="ja"><head>${charsetMeta}<title>${headline}</title></head><body><article><h1>${headline}</h1>` +
    `<p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
}

export async function run(inputs: string[] | ((dir: string) => string[])) {
  const dir = freshDataDir();
  const args = typeof inputs === 'function' ? inputs(dir) : inputs;
  const report = await ingest(args, { dataDir: dir, now: NOW, limits: LIMITS });
  return { dir, report, files: articleFiles(dir) };
}

/** A file of the test's own input folder, beside its data directory. */
export function file(dir: string, name: string, content: string | Uint8Array): string {
  mkdirSync(join(dir, '..', 'in'), { recursive: true });
  const path = join(dir, '..', 'in', name);
  writeFileSync(path, content);
  return path;
}

export const only = (r: IngestReport) => r.problems.map((p) => p.message);

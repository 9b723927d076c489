import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFiles, cleanUp, freshDataDir, root } from './helpers';

/**
 * A feed of 100,000 items through the real CLI, in a Node whose heap is
 * capped at 512 MB: it must read every item and report each, not die of memory. Items are
 * read and dropped one at a time (feed.ts) and ingest keeps a hash per story, not its text
 * (article-store.ts); what stays is the parsed feed, bounded by the size cap (--max-bytes).
 * A dry run, so the test measures reading, not 100,000 fsyncs.
 */
afterAll(cleanUp);

describe('a feed of 100,000 items', () => {
  it('is read item by item within a 512 MB heap', () => {
    const dir = freshDataDir();
    const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title><language>en</language>'];
    for (let i = 0; i < 100_000; i++) {
      parts.push(`<item><title>Item ${i} headline</title><link>https://example.org/${i}</link><guid>urn:big:${i}</guid>` +
        `<pubDate>Wed, 12 Jun 2024 10:00:00 +0530</pubDate><description>Paragraph one of item ${i}, with some text.</description></item>`);
    }
    parts.push('</channel></rss>');
    mkdirSync(join(dir, '..', 'in'), { recursive: true });
    const feed = join(dir, '..', 'in', 'big.xml');
    writeFileSync(feed, parts.join(''));
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/ingest.ts'), '--dry-run', '--max-bytes', '50000000', '--data', dir, feed], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('dry run, nothing written: 100000 created, 0 updated, 0 unchanged, 0 removed, 0 withheld, 0 failed');
    expect(articleFiles(dir).size).toBe(0);
  }, 240_000);
});

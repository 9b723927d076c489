import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../tools/ingest/ingest';
import { articleFiles, cleanUp, fixtures, freshDataDir, NOW } from './helpers';

/**
 * The article files ingest writes for three real samples, byte for byte as committed in
 * tests/fixtures/ingest/expected/: tests/worker/ingested-article.test.ts serves those very
 * files through the API, so what is tested there is what ingest writes.
 */
afterAll(cleanUp);

describe('ingest output', () => {
  it('is exactly tests/fixtures/ingest/expected/', async () => {
    const dir = freshDataDir();
    const report = await ingest(
      [join(fixtures, 'ninjs/v3.0_tt_text_image_3.json'), join(fixtures, 'pages/kbs-1.html'), join(fixtures, 'ninjs/v3.1_005_complex_text_article.json')],
      { dataDir: dir, now: NOW },
    );
    expect(report.problems).toEqual([]);
    const expected = join(fixtures, 'expected');
    const golden = new Map(readdirSync(expected).sort().map((n) => [n, readFileSync(join(expected, n), 'utf8')]));
    expect(articleFiles(dir)).toEqual(golden);
  });
});

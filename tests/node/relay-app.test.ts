import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * relay-compiler (the npm package's own native binary) on the example Relay app's documents:
 * it must write exactly the artifacts and the persisted-query file that are committed, which
 * the build merged into the trusted set (operations/clients/) and tests/worker/relay-app.test.ts
 * runs through relay-runtime. A schema change that breaks the app fails here.
 */
const root = new URL('../../', import.meta.url).pathname;
const app = join(root, 'tests/relay-app');

describe('relay-compiler on the example app', () => {
  it('reproduces the committed artifacts and persisted queries', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'relay-app-'));
    try {
      cpSync(join(app, 'src'), join(scratch, 'src'), { recursive: true, filter: (p) => !p.includes('__generated__') });
      mkdirSync(join(scratch, 'src/__generated__'));
      writeFileSync(join(scratch, 'persisted.json'), '{}');
      const config = JSON.parse(readFileSync(join(app, 'relay.config.json'), 'utf8'));
      config.schema = join(root, 'schema/schema.graphql');
      config.persistConfig.file = './persisted.json';
      writeFileSync(join(scratch, 'relay.config.json'), JSON.stringify(config));
      execFileSync(join(root, 'node_modules/.bin/relay-compiler'), [], { cwd: scratch, stdio: 'pipe' });

      const generated = readdirSync(join(scratch, 'src/__generated__')).sort();
      expect(generated).toEqual(readdirSync(join(app, 'src/__generated__')).sort());
      for (const file of generated) {
        expect(readFileSync(join(scratch, 'src/__generated__', file), 'utf8'), file).toBe(
          readFileSync(join(app, 'src/__generated__', file), 'utf8'),
        );
      }
      expect(JSON.parse(readFileSync(join(scratch, 'persisted.json'), 'utf8'))).toEqual(
        JSON.parse(readFileSync(join(root, 'operations/clients/relay-example-app.json'), 'utf8')),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

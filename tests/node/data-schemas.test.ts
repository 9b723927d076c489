import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataSchemas } from '../../tools/codegen/data-schemas';

const root = new URL('../../', import.meta.url);

describe('schema/*.schema.json (JSON Schemas of the data files, for editors)', () => {
  it.each(Object.entries(dataSchemas()))('%s is what `npm run schema:generate` writes from the zod format', (name, text) => {
    expect(readFileSync(new URL(`schema/${name}`, root), 'utf8')).toBe(text);
  });

  it("the seed article's $schema names a file that exists", () => {
    const path = 'data/articles/putin-to-visit-north-korea-next-week.json';
    const { $schema } = JSON.parse(readFileSync(new URL(path, root), 'utf8')) as { $schema: string };
    expect(existsSync(new URL($schema, new URL(path, root)))).toBe(true);
    expect(JSON.parse(readFileSync(new URL($schema, new URL(path, root)), 'utf8')).properties.paragraphs.minItems).toBe(1);
  });
});

import { z } from 'zod';
import { ENTITY_KINDS, entityFileName } from '../../src/model/entity-kinds';
import { articleFile, entityFiles } from '../data/data-format';

/**
 * JSON Schemas of the data files, generated from their zod definitions
 * (tools/data/data-format.ts, the only definition) with zod 4's `z.toJSONSchema`, for
 * editors: data/articles/*.json name schema/article.schema.json in `$schema`. What JSON Schema
 * cannot say (a calendar date that exists, the dateline opening the first paragraph, links
 * between files) only the build step checks. Keys are the file names under schema/.
 */
export function dataSchemas(): Record<string, string> {
  // Input: what a file may hold (fields with defaults may be left out).
  const toJson = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title }, null, 2)}\n`;
  return {
    'article.schema.json': toJson(articleFile, 'An article of data/articles/<slug>.json'),
    ...Object.fromEntries(
      ENTITY_KINDS.map((k) => [
        entityFileName(k).replace('.json', '.schema.json'),
        toJson(entityFiles[k.links], `data/entities/${entityFileName(k)}: the ${k.links} of the knowledge base`),
      ]),
    ),
  };
}

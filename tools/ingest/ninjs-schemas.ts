import { Validator, type Schema } from '@cfworker/json-schema';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * IPTC's official ninjs JSON Schemas (https://iptc.org/standards/ninjs/, copied from
 * /work/shared/samples/ninjs/schemas/ into tools/ingest/schemas/ with their SOURCES.txt),
 * checked with @cfworker/json-schema (draft 2020-12, as the 2.x and 3.x schemas declare).
 * They $ref the GeoJSON schema for `places[].geoJSON`, registered from geojson-schema (the
 * GeoJSON project's own schemas).
 */
const require = createRequire(import.meta.url);
const geoJson = require('geojson-schema/GeoJSON.json') as Schema;
const dir = join(import.meta.dirname, 'schemas');

export const NINJS_SCHEMA_VERSIONS = ['2.1', '2.2', '3.0', '3.1'] as const;
const validators = new Map<string, Validator>();

function validator(version: string): Validator {
  let v = validators.get(version);
  if (!v) {
    const schema = JSON.parse(readFileSync(join(dir, `ninjs-schema_${version}.json`), 'utf8')) as Schema;
    v = new Validator(schema, '2020-12', false);
    v.addSchema(geoJson);
    validators.set(version, v);
  }
  return v;
}

/**
 * The schema errors of an item against ninjs `version` (the nearest one we hold), as JSON
 * Pointers with messages; the validator's wrapper lines ("a subschema had errors") are left
 * out, keeping the ones that say what is wrong where.
 */
export function ninjsSchemaErrors(item: unknown, version: string): Array<{ pointer: string; message: string }> {
  const held = NINJS_SCHEMA_VERSIONS.includes(version as never) ? version : version.startsWith('2') ? '2.2' : '3.1';
  const result = validator(held).validate(item);
  if (result.valid) return [];
  // The validator also reports each failure's wrappers ("a subschema had errors", "False
  // boolean schema" for a property the schema forbids once it failed): keep what says why.
  const useful = result.errors.filter((e) => !/subschema|does not match (unevaluated |additional )?(properties )?schema|did not match schema|False boolean schema/i.test(e.error));
  return (useful.length ? useful : result.errors).slice(0, 5).map((e) => ({
    pointer: e.instanceLocation.replace(/^#/, '') || '/',
    message: `${e.error} (ninjs ${held} schema)`,
  }));
}

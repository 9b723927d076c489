import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Reads and writes one of data/entities/*.json in the house style: one entity per block, each
 * top-level field on one line, aliases one per line, so a curator's diff shows what changed.
 * Writes go to a temporary file renamed over the old one: a crash leaves the old file whole.
 */

export type EntityRecord = Record<string, unknown> & { slug: string };

export const readEntityFile = (path: string): EntityRecord[] => JSON.parse(readFileSync(path, 'utf8')) as EntityRecord[];

function formatEntity(entity: EntityRecord): string {
  const lines = Object.entries(entity)
    .filter(([, v]) => v !== undefined)
    .map(([key, value]) => {
      if (key === 'aliases' && Array.isArray(value) && value.length > 0) {
        return `    "aliases": [\n${value.map((a) => `      ${JSON.stringify(a)}`).join(',\n')}\n    ]`;
      }
      return `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    });
  return `  {\n${lines.join(',\n')}\n  }`;
}

export function formatEntityFile(entities: EntityRecord[]): string {
  return `[\n${entities.map(formatEntity).join(',\n')}\n]\n`;
}

export function writeEntityFile(path: string, entities: EntityRecord[]): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, formatEntityFile(entities));
  renameSync(tmp, path);
}

/** URL-safe ASCII slug of a Latin name: "Côte d'Ivoire" -> "cote-d-ivoire". */
export const slugify = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);

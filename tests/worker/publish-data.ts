import { env } from 'cloudflare:workers';
import { buildDataSet } from '../../tools/compile/build-data-set';
import type { CompiledData } from '../../tools/compile/compile';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { publish } from '../../tools/publish/publish';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import people from '../../data/entities/people.json';
import events from '../../data/entities/events.json';
import places from '../../data/entities/places.json';
import organizations from '../../data/entities/organizations.json';

/**
 * The real build step and the real publish (tools/compile/, tools/publish/), run inside workerd against this
 * test file's local KV: what `npm run data:build && npm run kv:load` does, for tests that
 * need data sets of their own or a publish between two requests.
 */
export function seedFiles(): SourceFile[] {
  return [
    { path: `articles/${seedArticle.slug}.json`, text: JSON.stringify(seedArticle) },
    { path: 'entities/people.json', text: JSON.stringify(people) },
    { path: 'entities/events.json', text: JSON.stringify(events) },
    { path: 'entities/places.json', text: JSON.stringify(places) },
    { path: 'entities/organizations.json', text: JSON.stringify(organizations) },
  ];
}

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

export async function buildFiles(files: SourceFile[], builtAt = '2026-01-01T00:00:00Z'): Promise<CompiledData> {
  const result = await buildDataSet(files, { builtAt, hash: sha256 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.data;
}

/** Builds `files` and publishes them as the current version; returns the build. */
export async function buildAndPublish(files: SourceFile[], builtAt?: string): Promise<CompiledData> {
  const data = await buildFiles(files, builtAt);
  const entries = data.entries.map((e) => ({ key: e.key, value: JSON.stringify(e.value) }));
  await publish(fromKvNamespace(env.NEWS), { pointer: data.pointer.value, entries });
  return data;
}

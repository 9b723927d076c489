import type { EntityType } from '../linking/knowledge-base';
import { wikidataIdOf } from '../linking/source-links';
import { typeOf, weightOf, type Candidate, type CandidateStore } from './candidates';
import type { KbGrowth } from './source-entities';

/**
 * The editors' decisions on candidates (`npm run kb:review`): accept one as a new entity
 * (optionally with its Wikidata id, a type other than the guessed one, a slug), merge its
 * spellings into an entity the KB has, or reject it for good. Each returns a line to print, or
 * throws an Error whose message says what is wrong.
 */

const TYPES: EntityType[] = ['Person', 'Place', 'Organization'];

function candidate(store: CandidateStore, id: string): Candidate {
  const c = store.file.candidates.find((x) => x.id === id);
  if (!c) throw new Error(`no candidate ${id} (npm run kb:review lists them)`);
  return c;
}

/** Spellings, most seen first: the first in each language becomes the entity's name there. */
const spellings = (c: Candidate) => [...c.names].sort((a, b) => b.count - a.count).map(({ language, value }) => ({ language, value }));

export function accept(store: CandidateStore, kb: KbGrowth, id: string, opts: { wikidata?: string; type?: string; slug?: string; kind?: string }): string {
  const c = candidate(store, id);
  const type = (opts.type ?? typeOf(c)) as EntityType | undefined;
  if (!type || !TYPES.includes(type)) throw new Error(`say what ${c.names[0]!.value} is: --type ${TYPES.join('|')}${opts.type ? ` (not ${opts.type})` : ''}`);
  const wikidataId = opts.wikidata ? wikidataIdOf(opts.wikidata) : undefined;
  if (opts.wikidata && !wikidataId) throw new Error(`not a Wikidata item: ${opts.wikidata} (Q7747, wd:Q7747 or its URI)`);
  const made = kb.createEntity(type, spellings(c), {
    wikidataId, ids: opts.wikidata ? [opts.wikidata] : [], source: 'kb:review', tag: `candidate ${c.id}`, slug: opts.slug, kind: opts.kind,
  });
  if (!made) throw new Error(kb.problems.at(-1) ?? 'not accepted');
  store.remove(id);
  return `accepted ${c.id} as ${type} ${made.slug}: linked in every story at the next build (npm run data:build && npm run kv:load)`;
}

export function merge(store: CandidateStore, kb: KbGrowth, id: string, slug: string): string {
  const c = candidate(store, id);
  if (!kb.addNames(slug, spellings(c))) throw new Error(`no entity ${slug} in data/entities`);
  store.remove(id);
  return `merged ${c.id} (${c.names.map((n) => n.value).join(', ')}) into ${slug}`;
}

export function reject(store: CandidateStore, id: string): string {
  const c = candidate(store, id);
  store.reject(id);
  return `rejected ${c.id} (${c.names.map((n) => n.value).join(', ')}): it will not be proposed again`;
}

export function listing(candidates: Candidate[]): string[] {
  return candidates.map((c) => {
    const names = c.names.map((n) => `${n.value} [${n.language}] x${n.count}`).join(', ');
    return `${c.id}  weight ${weightOf(c)}  ${typeOf(c) ?? '?'}  ${names}\n    ${c.stories.length} stories, ${c.sources.length} source(s); e.g. "${c.contexts[0] ?? ''}"`;
  });
}

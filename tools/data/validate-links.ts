import type { EntityType } from '../../src/model/documents';
import { ENTITY_KINDS, entityFileName } from '../../src/model/entity-kinds';
import { aliasKeyOf, aliasWords } from '../linking/knowledge-base';
import type { ArticleFile } from './data-format';
import type { Problem } from './problems';
import type { DataSet } from './read-data-set';

export interface Located {
  type: EntityType;
  file: string;
  index: number;
  kind?: string;
}

/** Where each entity of the data set was defined, by slug. */
export function entityIndex(dataSet: Omit<DataSet, 'articles' | 'excluded'>): Map<string, Located> {
  const index = new Map<string, Located>();
  const add = (type: EntityType, file: string, items: Array<{ slug: string; kind?: string }>) =>
    items.forEach((item, i) => {
      if (!index.has(item.slug)) index.set(item.slug, { type, file, index: i, kind: item.kind });
    });
  for (const kind of ENTITY_KINDS) add(kind.type, `entities/${entityFileName(kind)}`, dataSet[kind.links]);
  return index;
}

/** Checks that a reference names an entity (of a type and kind), into `problems`. */
function referenceCheck(index: Map<string, Located>, excluded: DataSet['excluded'], problems: Problem[]) {
  return (file: string, path: string, target: string | undefined, want?: EntityType, kind?: string) => {
    if (target === undefined) return;
    const found = index.get(target);
    // Already reported: the entity it names failed its own checks, or its file was unreadable.
    if (!found && (excluded.slugs.has(target) || excluded.unreadableEntityFile)) return;
    if (!found) problems.push({ file, path, message: `names "${target}", which is no entity in data/entities` });
    else if (want && found.type !== want) problems.push({ file, path, message: `names "${target}", a ${found.type}, not a ${want}` });
    else if (kind && found.kind !== kind) problems.push({ file, path, message: `names "${target}", a ${found.kind}, not a ${kind}` });
  };
}

/** An article's references (dateline place, events, about, authors), checked one article at a time. */
export function articleLinkProblems(a: ArticleFile, index: Map<string, Located>, excluded: DataSet['excluded']): Problem[] {
  const problems: Problem[] = [];
  const check = referenceCheck(index, excluded, problems);
  const file = `articles/${a.slug}.json`;
  check(file, '/datelinePlace', a.datelinePlace, 'Place');
  a.events.forEach((e, j) => check(file, `/events/${j}`, e, 'Event'));
  a.about.forEach((e, j) => check(file, `/about/${j}`, e));
  a.authors.forEach((au, j) => check(file, `/authors/${j}/person`, au.person, 'Person'));
  return problems;
}

/**
 * Checks what no single file can: slugs and Wikidata ids unique across the knowledge base,
 * every reference pointing at an entity of the right kind, and no two entities of one type and
 * kind with the same name in the same language (most likely one entity entered twice). An alias
 * may name several entities ("Congo"): the linker picks one by the story's context or leaves the
 * mention unlinked (tools/linking/resolve-context.ts).
 */
export function validateLinks(dataSet: DataSet): Problem[] {
  const problems: Problem[] = [];
  const index = entityIndex(dataSet);
  const check = referenceCheck(index, dataSet.excluded, problems);

  const nameOwner = new Map<string, string>();
  const wikidataOwner = new Map<string, string>();
  const groups = ENTITY_KINDS.map((k) => [`entities/${entityFileName(k)}`, dataSet[k.links]] as const);
  for (const [file, items] of groups) {
    items.forEach((item, i) => {
      const first = index.get(item.slug)!;
      if (first.file !== file || first.index !== i) {
        problems.push({ file, path: `/${i}/slug`, message: `"${item.slug}" is already the slug of an entity in ${first.file} (/${first.index})` });
      }
      for (const [language, name] of Object.entries(item.names)) {
        const key = `${first.type}/${first.kind ?? ''}/${language}/${aliasKeyOf(aliasWords(name, first.type))}`;
        const owner = nameOwner.get(key);
        if (owner && owner !== item.slug) {
          problems.push({ file, path: `/${i}/names/${language}`, message: `"${name}" is also the ${language} name of "${owner}": the same entity twice? (an alias may name several entities, a name may not)` });
        }
        nameOwner.set(key, owner ?? item.slug);
      }
      if (item.wikidataId) {
        const owner = wikidataOwner.get(item.wikidataId);
        if (owner && owner !== item.slug) problems.push({ file, path: `/${i}/wikidataId`, message: `${item.wikidataId} is already the Wikidata id of "${owner}"` });
        wikidataOwner.set(item.wikidataId, owner ?? item.slug);
      }
    });
  }
  dataSet.events.forEach((e, i) => {
    check('entities/events.json', `/${i}/location`, e.location, 'Place');
    e.participants.forEach((p, j) => check('entities/events.json', `/${i}/participants/${j}`, p));
  });
  dataSet.places.forEach((p, i) => check('entities/places.json', `/${i}/country`, p.country, 'Place', 'COUNTRY'));
  dataSet.organizations.forEach((o, i) =>
    check('entities/organizations.json', `/${i}/country`, o.country, 'Place', 'COUNTRY'),
  );
  for (const a of dataSet.articles) problems.push(...articleLinkProblems(a, index, dataSet.excluded));
  return problems;
}

import { join } from 'node:path';
import { personFile, placeFile, organizationFile } from '../data/entity-file-format';
import { slugOf, disambiguate } from '../ingest/slug';
import { aliasKeyOf, aliasWords, type EntityType } from '../linking/knowledge-base';
import { nameSkeleton } from '../linking/name-skeleton';
import { wikidataIdOf, type GivenLink } from '../linking/source-links';
import { readEntityFile, writeEntityFile, type EntityRecord } from './entity-file';
import { PROVENANCE_FILE, readSidecar, writeSidecar, type Provenance } from './kb-sidecar';

/**
 * The knowledge base grown from the sources' own tags: a ninjs `people`/`places`/
 * `organisations` entry or a JSON-LD `about`/`mentions` thing that carries an identity (a
 * Wikidata id, or the publisher's own URI) and that no KB entity has becomes an entity, typed
 * by its tag, named in the story's language, with its Wikidata id and its provenance (source,
 * first seen, identifiers) in .kb-provenance.json of the data folder. One the KB has is enriched instead: its
 * Wikidata id if it had none, the tag's name as a name or alias in a new language.
 *
 * Found by identifier first (Wikidata id, then any URI a tag gave before), then by type and
 * name across scripts (the name's match key, then its consonant skeleton: Rahul Gandhi =
 * राहुल गांधी). Tags without identity (keywords) and events (an event needs dates a tag does not
 * give) stay hints for the linker. A place's kind is not in a tag: such places are REGION until
 * an editor says otherwise.
 */

const FILE_OF: Partial<Record<EntityType, string>> = { Person: 'people.json', Place: 'places.json', Organization: 'organizations.json' };
const SCHEMA = { Person: personFile, Place: placeFile, Organization: organizationFile };

export interface GrownEntity {
  slug: string;
  type: EntityType;
  wikidataId?: string;
  names: Array<{ language: string; value: string }>;
  created: boolean;
}

export class KbGrowth {
  private readonly files = new Map<string, EntityRecord[]>();
  private readonly dirty = new Set<string>();
  private readonly provenance: Record<string, Provenance>;
  readonly created: string[] = [];
  readonly enriched: string[] = [];
  readonly problems: string[] = [];

  constructor(private readonly dataDir: string, private readonly now = () => new Date()) {
    for (const file of Object.values(FILE_OF)) this.files.set(file!, readEntityFile(join(dataDir, 'entities', file!)));
    this.provenance = readSidecar(dataDir, PROVENANCE_FILE, {});
  }

  /** The entities for tags that matched no KB entity by the linker's own lookups. */
  fromTags(links: GivenLink[], language: string, source: string, tag = 'source tag'): GrownEntity[] {
    const out: GrownEntity[] = [];
    for (const link of links) {
      const file = link.type && FILE_OF[link.type];
      const wikidataId = link.ids.map(wikidataIdOf).find(Boolean);
      const uris = link.ids.filter((id) => /^https?:\/\//.test(id) && !wikidataIdOf(id));
      if (!file || (!wikidataId && uris.length === 0)) continue;
      const found = this.find(link.type!, wikidataId, uris, link.name);
      const entity = found ? this.enrich(found, file, link, language, wikidataId) : this.create(file, link, language, wikidataId, source, tag);
      if (entity && !out.some((e) => e.slug === entity.slug)) out.push(entity);
    }
    return out;
  }

  private all(): Array<{ record: EntityRecord; type: EntityType }> {
    return (Object.entries(FILE_OF) as Array<[EntityType, string]>).flatMap(([type, file]) => this.files.get(file)!.map((record) => ({ record, type })));
  }

  private find(type: EntityType, wikidataId: string | undefined, uris: string[], name: string | undefined): EntityRecord | undefined {
    const all = this.all();
    if (wikidataId) {
      const byId = all.find((e) => e.record.wikidataId === wikidataId);
      if (byId) return byId.record;
    }
    const byUri = Object.entries(this.provenance).find(([, p]) => p.ids.some((id) => uris.includes(id)));
    if (byUri) return all.find((e) => e.record.slug === byUri[0])?.record;
    if (!name) return undefined;
    const same = all.filter((e) => e.type === type && !(wikidataId && e.record.wikidataId && e.record.wikidataId !== wikidataId));
    const key = aliasKeyOf(aliasWords(name, type));
    const byName = same.filter((e) => namesOf(e.record).some((n) => aliasKeyOf(aliasWords(n.value, type)) === key));
    if (byName.length === 1) return byName[0]!.record;
    const skeleton = nameSkeleton(name);
    const bySkeleton = skeleton ? same.filter((e) => namesOf(e.record).some((n) => nameSkeleton(n.value) === skeleton)) : [];
    return bySkeleton.length === 1 ? bySkeleton[0]!.record : undefined;
  }

  private enrich(record: EntityRecord, file: string, link: GivenLink, language: string, wikidataId?: string): GrownEntity {
    const type = typeOfFile(file);
    let changed = false;
    if (wikidataId && !record.wikidataId && !this.all().some((e) => e.record.wikidataId === wikidataId)) {
      record.wikidataId = wikidataId;
      changed = true;
    }
    const names = record.names as Record<string, string>;
    if (link.name && !namesOf(record).some((n) => n.value === link.name)) {
      if (!(language in names)) names[language] = link.name;
      else record.aliases = [...((record.aliases as unknown[]) ?? []), { language, value: link.name }];
      changed = true;
    }
    if (changed) {
      this.dirty.add(file);
      if (!this.enriched.includes(record.slug) && !this.created.includes(record.slug)) this.enriched.push(record.slug);
    }
    return { slug: record.slug, type, wikidataId: record.wikidataId as string | undefined, names: namesOf(record), created: false };
  }

  private create(file: string, link: GivenLink, language: string, wikidataId: string | undefined, source: string, tag: string): GrownEntity | undefined {
    if (!link.name) return undefined;
    return this.createEntity(typeOfFile(file), [{ language, value: link.name }], { wikidataId, ids: link.ids, source, tag });
  }

  /**
   * A new entity with these names (the first in each language its name there, the rest
   * aliases; the first name's language its default), validated against the data format
   * before it is kept. Also what an editor's accepted candidate becomes (`npm run kb:review`).
   */
  createEntity(
    type: EntityType,
    names: Array<{ language: string; value: string }>,
    how: { wikidataId?: string; ids: string[]; source: string; tag: string; slug?: string; kind?: string },
  ): GrownEntity | undefined {
    const file = FILE_OF[type];
    if (!file || names.length === 0) return undefined;
    const taken = new Set(this.all().map((e) => e.record.slug));
    let slug = how.slug ?? slugOf((names.find((n) => n.language === 'en') ?? names[0]!).value);
    if (taken.has(slug)) {
      if (how.slug) return void this.problems.push(`slug ${slug} is taken`);
      slug = disambiguate(slug, how.wikidataId ?? how.ids[0] ?? names[0]!.value);
    }
    if (how.wikidataId && this.all().some((e) => e.record.wikidataId === how.wikidataId)) return void this.problems.push(`${how.wikidataId} is already in the KB`);
    const byLanguage: Record<string, string> = {};
    const aliases = names.filter((n) => (n.language in byLanguage ? true : ((byLanguage[n.language] = n.value), false)));
    const record: EntityRecord = {
      slug,
      ...(type === 'Place' ? { kind: how.kind ?? 'REGION' } : {}),
      ...(how.wikidataId ? { wikidataId: how.wikidataId } : {}),
      defaultLanguage: names[0]!.language,
      names: byLanguage,
      aliases,
    };
    const checked = SCHEMA[type as keyof typeof SCHEMA].safeParse(record);
    if (!checked.success) {
      this.problems.push(`"${names[0]!.value}" makes no valid entity: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return undefined;
    }
    this.files.get(file)!.push(record);
    this.dirty.add(file);
    this.created.push(slug);
    this.provenance[slug] = { source: how.source, firstSeen: this.now().toISOString(), ids: how.ids, tag: how.tag };
    return { slug, type, wikidataId: how.wikidataId, names: namesOf(record), created: true };
  }

  /** Adds names an entity lacks (as its name in a new language, else as aliases); false if no such entity. */
  addNames(slug: string, names: Array<{ language: string; value: string }>): boolean {
    const found = [...this.files].flatMap(([file, items]) => items.filter((e) => e.slug === slug).map((record) => ({ file, record })))[0];
    if (!found) return false;
    for (const n of names) this.enrich(found.record, found.file, { name: n.value, ids: [] }, n.language);
    return true;
  }

  /** Writes the entity files that changed and the provenance records. */
  save(): void {
    for (const file of this.dirty) writeEntityFile(join(this.dataDir, 'entities', file), this.files.get(file)!);
    if (this.created.length > 0) writeSidecar(this.dataDir, PROVENANCE_FILE, this.provenance);
    this.dirty.clear();
  }
}

const typeOfFile = (file: string) => (Object.entries(FILE_OF).find(([, f]) => f === file)![0] as EntityType);

function namesOf(record: EntityRecord): Array<{ language: string; value: string }> {
  return [
    ...Object.entries(record.names as Record<string, string>).map(([language, value]) => ({ language, value })),
    ...((record.aliases as Array<{ language: string; value: string }>) ?? []),
  ];
}

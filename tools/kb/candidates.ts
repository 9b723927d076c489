import { createHash } from 'node:crypto';
import type { EntityType } from '../linking/knowledge-base';
import { aliasKeyOf, aliasWords } from '../linking/knowledge-base';
import { nameSkeleton } from '../linking/name-skeleton';
import { candidateName, guessType } from '../linking/name-type';
import { CANDIDATES_FILE, readSidecar, writeSidecar } from './kb-sidecar';

/**
 * Names the KB lacks, gathered story by story for editors (`npm run kb:review`): each with its
 * spellings in every script (merged when the match key or, for names of two words or more, the
 * consonant skeleton agrees: Rahul Gandhi = राहुल गांधी), the stories and inputs it came from,
 * a few sentences, and votes for its type. It is proposed once it recurs (in two stories or
 * more, or from two inputs); an editor accepts, merges or rejects it. A rejected name is kept
 * so it is never proposed again. Candidates live in .kb-candidates.json of the data folder, which the build
 * never reads: nothing here is served until it is accepted into data/entities.
 */

export interface CandidateName {
  language: string;
  value: string;
  count: number;
}

export interface Candidate {
  id: string;
  names: CandidateName[];
  typeVotes: Partial<Record<EntityType, number>>;
  stories: string[];
  sources: string[];
  contexts: string[];
  firstSeen: string;
  lastSeen: string;
}

export interface CandidateFile {
  candidates: Candidate[];
  /** Match keys and skeletons of rejected names. */
  rejected: string[];
}

const MAX_STORIES = 50;
const LATIN_SCRIPT_LANGUAGES = /^(en|sv|de|fr|es|it|pt|nl|da|no|nb|fi|pl|cs|tr|id|vi)\b/;
const MAX_CONTEXTS = 3;

export const keysOfName = (value: string): string[] => {
  const key = aliasKeyOf(aliasWords(value, 'Person'));
  const skeleton = nameSkeleton(value);
  return skeleton ? [key, `~${skeleton}`] : [key];
};

/** How much evidence a candidate has: its stories, and more for a second input. */
export const weightOf = (c: Candidate): number => c.stories.length + 2 * (c.sources.length - 1);
export const isProposed = (c: Candidate): boolean => c.stories.length >= 2 || c.sources.length >= 2;
export const typeOf = (c: Candidate): EntityType | undefined =>
  (Object.entries(c.typeVotes) as Array<[EntityType, number]>).sort((a, b) => b[1] - a[1])[0]?.[0];

export class CandidateStore {
  readonly file: CandidateFile;

  constructor(private readonly dataDir: string, private readonly now = () => new Date()) {
    this.file = readSidecar(dataDir, CANDIDATES_FILE, { candidates: [], rejected: [] });
  }

  find(value: string): Candidate | undefined {
    const keys = keysOfName(value);
    return this.file.candidates.find((c) => c.names.some((n) => keysOfName(n.value).some((k) => keys.includes(k))));
  }

  /** One occurrence of an unknown name in a story. `titled`: a title or honorific stood by it. */
  add(value: string, language: string, story: string, source: string, context: string, titled: boolean): void {
    const name = candidateName(value, titled);
    if (!name || keysOfName(name).some((k) => this.file.rejected.includes(k))) return;
    // A Latin spelling in a story of a language written in another script: an English spelling.
    if (/\p{Script=Latin}/u.test(name) && !LATIN_SCRIPT_LANGUAGES.test(language)) language = 'en';
    const stamp = this.now().toISOString();
    let c = this.find(name);
    if (!c) {
      c = { id: idOf(name), names: [], typeVotes: {}, stories: [], sources: [], contexts: [], firstSeen: stamp, lastSeen: stamp };
      this.file.candidates.push(c);
    }
    const spelled = c.names.find((n) => n.value === name);
    if (spelled) spelled.count += 1;
    else c.names.push({ language, value: name, count: 1 });
    const type = guessType(name, { titled });
    if (type) c.typeVotes[type] = (c.typeVotes[type] ?? 0) + 1;
    if (!c.stories.includes(story) && c.stories.length < MAX_STORIES) c.stories.push(story);
    if (!c.sources.includes(source)) c.sources.push(source);
    if (c.contexts.length < MAX_CONTEXTS && !c.contexts.includes(context)) c.contexts.push(context);
    c.lastSeen = stamp;
  }

  /**
   * Proposed candidates, most evidence first. One that is another, seen more often, plus the
   * words that happened to follow it ("Modi Speech Today", "मोदी आज" beside "Modi", "मोदी") is
   * left out: a capitalised run or a title's window took in too much.
   */
  proposed(): Candidate[] {
    const all = this.file.candidates.filter(isProposed);
    const seen = (c: Candidate) => c.names.reduce((n, x) => n + x.count, 0);
    const extends_ = (c: Candidate) => all.some((o) => o !== c && seen(o) > seen(c) &&
      c.names.every((n) => o.names.some((p) => n.value.startsWith(`${p.value} `))));
    return all.filter((c) => !extends_(c)).sort((a, b) => weightOf(b) - weightOf(a) || a.id.localeCompare(b.id));
  }

  remove(id: string): Candidate | undefined {
    const i = this.file.candidates.findIndex((c) => c.id === id);
    return i < 0 ? undefined : this.file.candidates.splice(i, 1)[0];
  }

  reject(id: string): Candidate | undefined {
    const c = this.remove(id);
    if (c) for (const n of c.names) for (const k of keysOfName(n.value)) if (!this.file.rejected.includes(k)) this.file.rejected.push(k);
    return c;
  }

  save(): void {
    writeSidecar(this.dataDir, CANDIDATES_FILE, this.file);
  }
}

/** A stable short id: the name's key hashed, so one name keeps its id across runs. */
const idOf = (name: string) => `c${createHash('sha256').update(keysOfName(name)[0]!).digest('hex').slice(0, 8)}`;

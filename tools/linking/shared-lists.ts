/**
 * The small lists and words a knowledge base's aliases hold, one copy of each (hash-consing):
 * aliases repeat a few flag and gap patterns and language sets, and names repeat words.
 */
class Shared {
  private lists = new Map<string, readonly unknown[]>();
  private words = new Map<string, string>();
  word(w: string): string {
    const found = this.words.get(w);
    if (found !== undefined) return found;
    this.words.set(w, w);
    return w;
  }

  of<T>(list: T[]): readonly T[] {
    const key = JSON.stringify(list);
    let found = this.lists.get(key) as readonly T[] | undefined;
    if (!found) this.lists.set(key, (found = Object.freeze(list)));
    return found;
  }
}
const shared = new WeakMap<object, Shared>();
/** The shared lists of one knowledge base. */
export const sharedOf = (kb: object): Shared => {
  let s = shared.get(kb);
  if (!s) shared.set(kb, (s = new Shared()));
  return s;
};

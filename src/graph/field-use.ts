import { ALL_FIELDS } from '../model/list-ranges';

/**
 * List items as resolvers see them when the answer depends on some of their fields only
 * (src/model/list-ranges.ts rangeDependencies): each item behind a Proxy (ECMAScript 2015,
 * "Proxy Objects") that notes the name of every top-level field read, tested (`in`) or
 * enumerated (a spread or a serialization sees every field: ALL_FIELDS). Values are handed on
 * as they are: a field's whole value counts as read once its name is.
 */
export function noteFieldUse<T extends object>(items: T[], fields: Set<string>): T[] {
  const note = (p: string | symbol): void => {
    if (typeof p === 'string') fields.add(p);
  };
  const handler: ProxyHandler<T> = {
    get(target, p) {
      note(p);
      return Reflect.get(target, p);
    },
    has(target, p) {
      note(p);
      return Reflect.has(target, p);
    },
    getOwnPropertyDescriptor(target, p) {
      note(p);
      return Reflect.getOwnPropertyDescriptor(target, p);
    },
    ownKeys(target) {
      fields.add(ALL_FIELDS);
      return Reflect.ownKeys(target);
    },
  };
  return items.map((item) => new Proxy(item, handler));
}

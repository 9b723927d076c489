/**
 * Which package modules a bundle holds more than once, read from its source map's `sources`
 * (wrangler deploy --dry-run --outdir dist writes dist/index.js.map).
 *
 * A module counts twice when two files stand for the same `package/subpath`: the CommonJS and
 * ESM builds side by side (graphql's `parser.js` and `parser.mjs`), or two installed versions
 * (`node_modules/a/node_modules/graphql/...`). For graphql that is a bug, not just bytes: its
 * classes are checked with `instanceof`, and an error made by one copy is not an instance of
 * the other's GraphQLError (graphql-js "Ensure that there is only one instance of graphql").
 */
export interface DuplicateModule {
  /** `package/subpath` without the file extension, such as `graphql/language/parser`. */
  module: string;
  /** The bundled files that stand for it, as the source map names them. */
  files: string[];
}

const NODE_MODULES = 'node_modules/';

/** `package/subpath` of a file under node_modules, or null for the project's own sources. */
export function moduleId(source: string): string | null {
  const at = source.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const rest = source.slice(at + NODE_MODULES.length);
  const parts = rest.split('/');
  const name = parts[0]!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const subpath = rest.slice(name.length + 1).replace(/\.(?:m|c)?js$/, '');
  return `${name}/${subpath}`;
}

/** The modules of `packages` that appear in more than one file of the bundle. */
export function duplicateModules(sources: readonly string[], packages?: ReadonlySet<string>): DuplicateModule[] {
  const files = new Map<string, Set<string>>();
  for (const source of sources) {
    const id = moduleId(source);
    if (id === null) continue;
    if (packages && !packages.has(packageOf(id))) continue;
    files.set(id, (files.get(id) ?? new Set()).add(source));
  }
  return [...files]
    .filter(([, set]) => set.size > 1)
    .map(([module, set]) => ({ module, files: [...set].sort() }))
    .sort((a, b) => a.module.localeCompare(b.module));
}

function packageOf(id: string): string {
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

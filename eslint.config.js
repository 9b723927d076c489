import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md, "Layers"; tests/node/architecture-doc.test.ts checks the
 * chain against the imports): each folder of src/ imports only what lies below it.
 * ESLint keeps one `no-restricted-imports` setting per file (the last that matches), so each
 * folder gets all of its groups in one setting.
 */
const GRAPHQL = { group: ['graphql', 'graphql-yoga', '@graphql-yoga/*', '@escape.tech/*'], message: 'GraphQL belongs to src/graph/ and above; throw a domain error (src/model/domain-errors.ts)' };
const WORKERS = { group: ['cloudflare:*', '@cloudflare/*'], message: 'only src/worker.ts and src/store/ know the Workers runtime' };
const BUNDLE = { group: ['node:*', '**/tools/**', '**/bench/**', '**/tests/**'], message: 'src/ is the worker bundle: no Node, no tools/, bench/ or tests/' };
const FRONT = ['**/front/**', '**/worker', '**/index'];
const YOGA = [...FRONT, '**/yoga', '**/plugins/**'];
const ABOVE_PURE = { group: [...YOGA, '**/http/**', '**/store/**', '**/graph/**', '**/formats/**', '**/errors', '**/config'], message: 'model/, text/, search/ and formats/ are pure and lie below the rest of src/' };
const ABOVE_STORE = { group: [...YOGA, '**/http/**', '**/graph/**', '**/errors'], message: 'store/ reads KV and throws domain errors; GraphQL and HTTP are decided above it' };
const ABOVE_GRAPH = { group: [...YOGA, '**/http/**'], message: 'graph/ and query-rules/ lie below the HTTP policies (http/), the yoga plugins and the front door' };
const ABOVE_HTTP = { group: YOGA, message: 'http/ holds the policies the yoga plugins and the front door share: it lies below both' };
const ABOVE_PLUGINS = { group: FRONT, message: 'the yoga plugins lie below the front door' };
const ABOVE_FRONT = { group: ['**/worker', '**/index'], message: 'the front door lies below the Workers adapter' };
const LAYERS = {
  'src/text': [GRAPHQL, WORKERS, ABOVE_PURE, { group: ['**/model/**', '**/search/**'], message: 'text/ is the lowest layer' }],
  'src/model': [GRAPHQL, WORKERS, ABOVE_PURE, { group: ['**/search/**'], message: 'model/ lies below search/' }],
  'src/search': [GRAPHQL, WORKERS, ABOVE_PURE],
  'src/formats': [GRAPHQL, WORKERS, ABOVE_PURE],
  'src/store': [GRAPHQL, ABOVE_STORE],
  'src/graph': [WORKERS, ABOVE_GRAPH],
  'src/query-rules': [WORKERS, ABOVE_GRAPH],
  'src/http': [WORKERS, ABOVE_HTTP],
  'src/plugins': [WORKERS, ABOVE_PLUGINS],
  'src/front': [WORKERS, ABOVE_FRONT],
};
/**
 * The Node wing (docs/architecture.md, "The Node wing"): scripts/ holds the entry points and
 * nothing imports them; bench/ measures tools/, never the other way; the build's phase folders
 * import only the phases before them (data, compile, publish, delta; operations beside compile).
 */
const ENTRY_POINTS = { group: ['**/scripts/**'], message: 'scripts/ holds entry points only: move what is shared into tools/ or bench/' };
const MEASUREMENT = { group: ['**/bench/**'], message: 'bench/ measures tools/; tools/ never imports it' };
const after = (phase, later) => ({ group: later.map((p) => `**/${p}/**`), message: `tools/${phase}/ lies below tools/{${later.join(',')}}/` });
const NODE_WING = {
  // Every folder of tools/ first: ESLint applies the last setting that matches a file.
  tools: [],
  'tools/data': [after('data', ['compile', 'delta', 'publish', 'operations'])],
  'tools/compile': [after('compile', ['delta', 'publish', 'operations'])],
  'tools/publish': [after('publish', ['delta', 'operations'])],
  'tools/operations': [after('operations', ['compile', 'delta', 'publish'])],
};
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const layers = [
  { files: ['src/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: restrict([BUNDLE]) },
  ...Object.entries(LAYERS).flatMap(([dir, patterns]) => [
    { files: [`${dir}/**/*.ts`], ignores: [`${dir}/**/*.test.ts`], rules: restrict([BUNDLE, ...patterns]) },
    // Unit tests beside the code run in Node and may use shared fixtures (tools/fixtures/).
    { files: [`${dir}/**/*.test.ts`], rules: restrict(patterns) },
  ]),
  // tests/ and bench/ share fixtures through tools/fixtures/, not each other.
  { files: ['tests/**/*.ts'], rules: restrict([{ group: ['**/bench/**'], message: 'share it through tools/fixtures/' }, ENTRY_POINTS]) },
  { files: ['scripts/**/*.ts'], rules: restrict([{ group: ['./*'], message: 'an entry point imports no other: share it through tools/ or bench/' }]) },
  { files: ['bench/**/*.ts'], rules: restrict([{ group: ['**/tests/**'], message: 'share it through tools/fixtures/' }, ENTRY_POINTS]) },
  ...Object.entries(NODE_WING).map(([dir, patterns]) => ({ files: [`${dir}/**/*.ts`], rules: restrict([ENTRY_POINTS, MEASUREMENT, ...patterns]) })),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', '.wrangler/', 'worker-configuration.d.ts', '**/*.gen.ts', 'public/', 'bench/.out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Tests read GraphQL responses, whose shape the query (not TypeScript) states.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  ...layers,
);

import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL served entirely from this origin: the page loads the @graphql-yoga/graphiql bundle
 * and its Monaco editor workers from /graphiql/ (Workers static assets, copied there by
 * scripts/build-assets.ts), where yoga's default page loads them from unpkg.com and is blank
 * offline. No favicon or font is fetched from elsewhere either.
 */
const ASSETS = '/graphiql';

/** What the explorer opens with: the Hindi seed article, with the entities it mentions. */
export const EXAMPLE_QUERY = `# The seed article, with the people and events it mentions.
# Press the run button (or Ctrl-Enter).
query Article {
  article(slug: "putin-to-visit-north-korea-next-week") {
    headline
    dateline
    datePublished
    people { slug name }
    events { slug name startDate status }
  }
  dataVersion { id builtAt }
}
`;

export function renderOfflineGraphiQL(options?: GraphiQLOptions): string {
  // Yoga's GraphiQL opens with `query` (a `?query=` in the page URL wins), not `defaultQuery`.
  const settings = JSON.stringify({ query: EXAMPLE_QUERY, ...options }).replace(/</g, '\\u003c');
  const title = escapeHtml(options?.title ?? 'Edge news graph');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS}/graphiql.css">
</head>
<body>
<div id="root">Loading ${title}…</div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    var file = { json: 'json.worker.bundle.js', graphql: 'graphql.worker..bundle.js' }[label] || 'editor.worker.bundle.js';
    return '${ASSETS}/monacoeditorwork/' + file;
  },
};
</script>
<script src="${ASSETS}/yoga-graphiql.umd.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${settings});</script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * Template placeholders printed as text: a CMS that published its template instead of the
 * story. Mustache/Handlebars/Liquid/Jinja (`{{body}}`, `{% block %}`), JavaScript template
 * literals (`${headline}`), wiki and shortcode markers (`[[text]]`, `[body]`), ERB/JSP (`<%= x %>`),
 * `%%NAME%%`/`__BODY__` tokens, a bare field name ("articleBody", "headline", "TBD"), and
 * Lorem ipsum filler (the words of Cicero's De finibus, 1.10.32, as typesetters cut them).
 */
const TOKEN = /\{\{[^{}]*\}\}|\{%[^{}]*%\}|\$\{[^{}]*\}|\[\[[^[\]]*\]\]|<%=?[^%]*%>|%%[\w.-]+%%|__[A-Z][A-Z0-9_]*__/g;

const FIELD = /^\s*(?:\[\s*)?(?:article[\s_-]?body|body(?:[\s_-]?text)?|text|content|description|headline|title|summary|null|undefined|none|n\/a|tbd|todo|placeholder|insert (?:headline|text|body) here|(?:headline|text|body) goes here)(?:\s*\])?\s*$/i;

const LOREM = new Set(['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'consectetuer', 'adipiscing', 'adipisicing', 'elit', 'sed', 'do', 'eiusmod', 'tempor', 'incididunt', 'ut', 'labore', 'et', 'dolore', 'magna', 'aliqua', 'aliquam', 'enim', 'ad', 'minim', 'veniam', 'quis', 'nostrud', 'exercitation', 'ullamco', 'laboris', 'nisi', 'aliquip', 'ex', 'ea', 'commodo', 'consequat', 'duis', 'aute', 'irure', 'in', 'reprehenderit', 'voluptate', 'velit', 'esse', 'cillum', 'eu', 'fugiat', 'nulla', 'pariatur', 'excepteur', 'sint', 'occaecat', 'cupidatat', 'non', 'proident', 'sunt', 'culpa', 'qui', 'officia', 'deserunt', 'mollit', 'anim', 'id', 'est', 'laborum', 'nunc', 'vel', 'nec', 'at', 'vitae', 'mauris', 'quam', 'pellentesque', 'donec', 'vestibulum', 'integer', 'nam', 'tincidunt', 'eget', 'mi', 'ac', 'sapien', 'tellus', 'morbi', 'risus', 'felis', 'lectus', 'odio', 'massa', 'ligula', 'turpis', 'urna', 'orci', 'arcu', 'libero', 'justo', 'nibh', 'leo', 'erat', 'diam', 'purus', 'metus', 'lacus', 'augue', 'neque', 'porta', 'porttitor', 'sem', 'quisque', 'semper', 'fusce', 'viverra', 'volutpat', 'faucibus', 'ultrices', 'ultricies', 'suscipit', 'sagittis', 'blandit', 'mattis', 'vulputate', 'feugiat', 'a', 'maecenas', 'phasellus', 'curabitur', 'etiam', 'nullam', 'praesent', 'cras', 'vivamus', 'proin', 'aenean', 'sollicitudin', 'lobortis', 'tristique', 'fermentum', 'egestas', 'gravida', 'hendrerit', 'lacinia', 'dapibus', 'elementum', 'interdum', 'iaculis', 'pretium', 'rhoncus', 'scelerisque', 'varius', 'convallis', 'dignissim', 'eleifend', 'euismod', 'pharetra', 'posuere', 'venenatis', 'accumsan', 'bibendum', 'condimentum', 'congue', 'cursus', 'efficitur', 'facilisis', 'fringilla', 'imperdiet', 'luctus', 'malesuada', 'molestie', 'ornare', 'placerat', 'pulvinar', 'rutrum', 'tempus', 'tortor', 'ante', 'dui', 'nisl', 'quam', 'sodales', 'ullamcorper', 'vehicula']);

/**
 * What makes `text` a placeholder (quoted, short), or undefined when it is text. A field name
 * counts only for a whole field (`wholeField`): inside a body, "Summary" is a subheading.
 */
export function placeholderIn(text: string | undefined, wholeField = true): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const quote = `"${t.length > 40 ? `${t.slice(0, 40)}…` : t}"`;
  if (wholeField && FIELD.test(t)) return `the field name ${quote}`;
  const tokens = t.match(TOKEN);
  // Template markers with little else around them: a filled template has none left at all.
  if (tokens && t.replace(TOKEN, '').replace(/[^\p{L}\p{N}]+/gu, '').length < 3 * tokens.length + 20) return `the template marker ${quote}`;
  const words = t.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (/\blorem ipsum\b/i.test(t) && words.length >= 2 && words.filter((w) => LOREM.has(w)).length >= 0.6 * words.length) return `Lorem ipsum filler ${quote}`;
  return undefined;
}

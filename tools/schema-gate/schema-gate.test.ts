import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gateFiles } from './gate-files';

/** The gate on a copy of this checkout's schema and registered operations, with one change made to the working schema. */
const repo = new URL('../../', import.meta.url);
const schema = readFileSync(new URL('schema/schema.graphql', repo), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function gateWith(working: string, released = schema, accepted: Array<{ change: string; why: string }> = []) {
  const dir = mkdtempSync(join(tmpdir(), 'schema-gate-'));
  dirs.push(dir);
  cpSync(new URL('operations/', repo), join(dir, 'operations'), { recursive: true });
  cpSync(new URL('schema/', repo), join(dir, 'schema'), { recursive: true });
  writeFileSync(join(dir, 'schema/accepted-changes.json'), JSON.stringify({ accepted }));
  writeFileSync(join(dir, 'schema/released.graphql'), released);
  writeFileSync(join(dir, 'schema/schema.graphql'), working);
  return gateFiles(pathToFileURL(`${dir}/`));
}

/** The schema with one line of the Article type replaced (the line must be there). */
function editArticle(from: string, to: string, sdl = schema): string {
  const start = sdl.indexOf('type Article implements Node {');
  const at = sdl.indexOf(from, start);
  expect(at).toBeGreaterThan(start);
  return sdl.slice(0, at) + to + sdl.slice(at + from.length);
}

describe('schema gate', () => {
  it('passes the released schema as it is, with every registered operation', () => {
    const report = gateWith(schema);
    expect(report).toMatchObject({ errors: [], notes: [] });
    expect(report.operations).toBeGreaterThanOrEqual(15);
  });

  it('fails when a field a registered operation selects is removed, naming the field and each operation', () => {
    const { errors } = gateWith(editArticle('  headline: String!\n', ''));
    const change = errors.find((e) => e.startsWith('breaking FIELD_REMOVED: Article.headline was removed.'));
    expect(change).toContain('breaks ArticlePage (operations/article-page.graphql)');
    expect(change).toContain('breaks Search (operations/search.graphql)');
    expect(change).toContain('breaks RelayArticleScreenQuery (operations/clients/relay-example-app.json entry 57ad962312b9)');
    expect(errors).toContainEqual(expect.stringMatching(/^ArticlePage \(operations\/article-page.graphql\) does not validate at \d+:\d+: Cannot query field "headline" on type "Article"/));
  });

  it('passes when a field is added', () => {
    expect(gateWith(editArticle('  slug: String!\n', '  slug: String!\n  kicker: String\n'))).toMatchObject({ errors: [], notes: [] });
  });

  it('lets a deprecated field no registered operation uses go, and refuses one removed without deprecation', () => {
    const deprecated = editArticle('  copyright: String\n', '  copyright: String @deprecated(reason: "Use `origin`.")\n');
    const removed = editArticle('  copyright: String\n', '');
    expect(gateWith(removed, deprecated)).toMatchObject({
      errors: [],
      notes: ['breaking FIELD_REMOVED: Article.copyright was removed. (deprecated in the released schema; no registered operation uses it)'],
    });
    expect(gateWith(removed).errors).toEqual([
      'breaking FIELD_REMOVED: Article.copyright was removed.\n    no registered operation uses it, but it was not deprecated first: deprecate it in a release, then remove it',
    ]);
  });

  it('names the operations a type change breaks even when they still validate', () => {
    const { errors } = gateWith(editArticle('  headline: String!\n', '  headline: Int!\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^breaking FIELD_CHANGED_KIND: Article\.headline changed type from String! to Int!\./);
    expect(errors[0]).toContain('breaks LatestArticles (operations/latest-articles.graphql)');
  });

  it('reports a dangerous change (an enum value added) and passes', () => {
    const working = schema.replace(/enum DatePrecision \{\n/, 'enum DatePrecision {\n  DECADE\n');
    const { errors, notes } = gateWith(working);
    expect(errors).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^dangerous VALUE_ADDED_TO_ENUM: DECADE was added to enum type DatePrecision\.; concerns .*ArticlePage \(operations\/article-page\.graphql\)/)]);
  });

  it('accepts an output made nullable only when it is listed, and names the operations it concerns', () => {
    const relaxed = editArticle('  headline: String!\n', '  headline: String\n');
    const change = 'Article.headline changed type from String! to String.';
    expect(gateWith(relaxed).errors).toEqual([expect.stringMatching(/^breaking FIELD_CHANGED_KIND: Article\.headline changed type from String! to String\.\n {4}breaks /)]);
    const { errors, notes } = gateWith(relaxed, schema, [{ change, why: 'reviewed' }]);
    expect(errors).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^accepted breaking FIELD_CHANGED_KIND: Article\.headline changed type from String! to String\. \(reviewed\); concerns .*ArticlePage \(operations\/article-page\.graphql\)/)]);
  });

  it('refuses to accept anything but an output made nullable, and notes an accepted change no longer made', () => {
    const retyped = editArticle('  headline: String!\n', '  headline: Int\n');
    const change = 'Article.headline changed type from String! to Int.';
    expect(gateWith(retyped, schema, [{ change, why: 'reviewed' }]).errors).toEqual([
      expect.stringMatching(/^breaking FIELD_CHANGED_KIND: Article\.headline changed type from String! to Int\.\n {4}listed as accepted, but only an output field made nullable can be accepted/),
    ]);
    expect(gateWith(schema, schema, [{ change, why: 'reviewed' }])).toMatchObject({
      errors: [],
      notes: [`accepted change no longer made against the released schema (remove it): ${change}`],
    });
  });
});

/**
 * End-to-end check of the delivery path against a real `wrangler dev` (the local runtime of
 * `npm start`, started here on free ports with its own KV state):
 *   1. a persisted operation over GET by hash: Cache-Control + ETag, then 304 and x-cache: HIT;
 *   2. GraphiQL in headless Debian Chromium (playwright-core) with every request that would
 *      leave the origin blocked: it opens with the example query, runs it, and shows the Hindi
 *      headline. A screenshot is saved and its path printed.
 * Without /usr/bin/chromium it says SKIPPED and how to enable it (REQUIRE_BROWSER_TEST=1, set by
 * .ci/run, turns the skip into a failure). Bounded: the whole run is killed after TIME_LIMIT_MS.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from '../e2e/wrangler-dev';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (or nowhere, to see the skip). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const TIME_LIMIT_MS = 150_000;
const SCREENSHOT = resolve('tests/browser/screenshots/graphiql-offline.png');
const article = JSON.parse(readFileSync('data/articles/putin-to-visit-north-korea-next-week.json', 'utf8')) as {
  slug: string;
  headline: string;
};
const manifest = JSON.parse(readFileSync('public/persisted-query-manifest.json', 'utf8')) as {
  operations: Array<{ id: string; name: string }>;
};

if (!existsSync(CHROMIUM)) {
  const how = `install it with \`apt-get install -y chromium\` (as .ci/run does), then run \`npm run test:browser\``;
  if (process.env.REQUIRE_BROWSER_TEST === '1') {
    console.error(`FAILED: browser test (GraphiQL offline): ${CHROMIUM} not found and REQUIRE_BROWSER_TEST=1; ${how}.`);
    process.exit(1);
  }
  console.log(`SKIPPED (not passed): browser test (GraphiQL offline): ${CHROMIUM} not found; ${how}.`);
  process.exit(0);
}

const checks: string[] = [];
function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`browser test: ${what}`);
  checks.push(what);
}

async function waitUntilServing(origin: string, dev: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (dev.exitCode !== null) throw new Error(`wrangler dev exited with ${dev.exitCode}`);
    try {
      const response = await fetch(`${origin}/schema.graphql`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('wrangler dev did not start within 60 s');
}

/** The "done when" of the HTTP path, against the real local runtime. */
async function checkHttpCaching(origin: string): Promise<void> {
  const id = manifest.operations.find((op) => op.name === 'ArticlePage')!.id;
  const url = `${origin}/graphql?${new URLSearchParams({
    operationName: 'ArticlePage',
    variables: JSON.stringify({ slug: article.slug }),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }),
  })}`;
  const first = await fetch(url);
  const body = (await first.json()) as { data?: { article?: { headline?: string } } };
  check(first.status === 200 && body.data?.article?.headline === article.headline, 'GET by hash answers the article');
  const etag = first.headers.get('etag');
  check(/public, max-age=\d+, stale-while-revalidate=\d+/.test(first.headers.get('cache-control') ?? ''), 'Cache-Control set');
  check(etag !== null, 'ETag set');
  const second = await fetch(url);
  check(second.headers.get('x-cache') === 'HIT', `second identical GET says x-cache: HIT (${second.headers.get('x-kv-stats')})`);
  const revalidated = await fetch(url, { headers: { 'if-none-match': etag! } });
  check(revalidated.status === 304, 'If-None-Match answered with 304');
}

async function checkGraphiQL(origin: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offsite: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // The network is cut off: anything not from our origin (or an inline data: or blob: URL) is refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      offsite.push(url);
      return route.abort('internetdisconnected');
    });
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    try {
      await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
      const editor = page.locator('.graphiql-query-editor');
      await editor.getByText('putin-to-visit-north-korea-next-week').first().waitFor({ timeout: 30_000 });
      check(true, 'GraphiQL opens with the example query');
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await response.getByText(article.headline).first().waitFor({ timeout: 30_000 });
      check(true, 'running it shows the Hindi headline');
    } catch (error) {
      await page.screenshot({ path: SCREENSHOT });
      const blocked = offsite.length ? `; blocked off-origin requests: ${offsite.join(', ')}` : '';
      throw new Error(`${(error as Error).message}\npage errors: ${consoleErrors.join(' | ') || 'none'}${blocked}\nscreenshot: ${SCREENSHOT}`, {
        cause: error,
      });
    }
    await page.screenshot({ path: SCREENSHOT });
    check(offsite.length === 0, `no request left the origin (${offsite.join(', ') || 'none'})`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  const state = mkdtempSync(join(tmpdir(), 'browser-test-state-'));
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
  execFileSync('npx', ['tsx', 'scripts/load-kv.ts', '--persist-to', state], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const dev = spawn(
    'node_modules/.bin/wrangler',
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', state,
      '--var', 'ENVIRONMENT:development', '--var', 'ALLOW_ARBITRARY_QUERIES:true', '--var', 'VERSION_CHECK_SECONDS:1'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env },
  );
  let devErrors = '';
  dev.stderr!.on('data', (chunk: Buffer) => (devErrors += chunk.toString()));
  const limit = setTimeout(() => {
    console.error(`FAILED: browser test exceeded ${TIME_LIMIT_MS / 1000} s`);
    stop(dev);
    process.exit(1);
  }, TIME_LIMIT_MS);
  try {
    await waitUntilServing(origin, dev);
    await checkHttpCaching(origin);
    await checkGraphiQL(origin);
    for (const line of checks) console.log(`  ok  ${line}`);
    console.log(`PASSED: browser test (GraphiQL offline, wrangler dev at ${origin}); screenshot: ${SCREENSHOT}`);
  } catch (error) {
    for (const line of checks) console.log(`  ok  ${line}`);
    console.error(`FAILED: ${(error as Error).message}\n${devErrors.slice(-2000)}`);
    process.exitCode = 1;
  } finally {
    clearTimeout(limit);
    stop(dev);
    rmSync(state, { recursive: true, force: true });
  }
}

/** Ends the wrangler dev this script started (its process group: wrangler and its workerd). */
function stop(dev: ChildProcess): void {
  try {
    if (dev.pid) process.kill(-dev.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

await main();

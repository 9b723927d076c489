import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * GET /updates (src/front/updates.ts) in workerd over local KV: a stream sends the version it
 * opened at, then each version published while it is open, naming the lists the app asked
 * about whose first page changed; heartbeats on a quiet stream; an end after
 * UPDATES_MAX_SECONDS with `retry:`; `Last-Event-ID` resumes; an isolate over its bound of
 * open streams tells the client to come back later; bad requests get a code.
 */
const LISTS = 'latest,language:hi,person:kim-jong-un,section:world';
const streamEnv = (vars: Partial<Env>) => ({ ...env, VERSION_CHECK_SECONDS: '1', UPDATES_HEARTBEAT_SECONDS: '1', ...vars }) as Env;
const story = (slug: string, language: string, about: string[]) => ({
  path: `articles/${slug}.json`,
  text: JSON.stringify({ slug, language, headline: `Story ${slug}`, datePublished: '2026-01-02T09:30:00Z', source: 'Test story.', paragraphs: ['A paragraph of text.'], about }),
});
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));

interface Stream {
  status: number;
  headers: Headers;
  /** Resolves with the whole text once the stream ends. */
  done: Promise<string>;
  /** Resolves once the text so far holds `n` events, or the stream has ended. */
  events: (n: number) => Promise<Array<Record<string, unknown>>>;
  cancel: () => Promise<void>;
}

const eventsIn = (text: string) => [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

async function open(worker: ReturnType<typeof createWorker>, vars: Partial<Env>, headers: Record<string, string> = {}, query = `?lists=${LISTS}`): Promise<Stream> {
  const response = await worker.fetch(new Request(`http://localhost/updates${query}`, { headers }) as Request<unknown, IncomingRequestCfProperties>, streamEnv(vars), createExecutionContext());
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  const waiting: Array<() => void> = [];
  const done = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (chunk.done) break;
      const value = chunk.value;
      text += decoder.decode(value, { stream: true });
      waiting.splice(0).forEach((wake) => wake());
    }
    ended = true;
    waiting.splice(0).forEach((wake) => wake());
    return text;
  })();
  const events = async (n: number) => {
    while (eventsIn(text).length < n && !ended) await new Promise<void>((resolve) => waiting.push(resolve));
    return eventsIn(text);
  };
  return { status: response.status, headers: response.headers, done, events, cancel: () => reader.cancel() };
}

let first = '';
beforeAll(async () => {
  first = (await buildAndPublish(seedFiles(), '2026-01-01T00:00:00Z')).version;
}, 60_000);

describe('GET /updates', () => {
  it('sends the version it opened at, then each published one with the named lists it changed, heartbeats, and ends with retry', { timeout: 60_000 }, async () => {
    const isolate = new IsolateState();
    const stream = await open(createWorker(isolate), { UPDATES_MAX_SECONDS: '6' });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    const [opened] = await stream.events(1);
    expect(opened).toMatchObject({ version: first, previous: null, lists: [], full: false });
    expect(isolate.openStreams).toBe(1);

    const { delta } = await publishIncrementally([...entityFiles(), story('updates-hindi-kim', 'hi', ['kim-jong-un'])], [], '2026-01-02T00:00:00Z');
    const [, published] = await stream.events(2);
    expect(published).toMatchObject({ version: delta.pointer.version, previous: first, full: false });
    expect(published!.lists).toEqual(['latest', 'language:hi', 'person:kim-jong-un']);

    const text = await stream.done;
    expect(text.startsWith('retry: 3000\n\n')).toBe(true);
    expect(text).toContain(`id: ${delta.pointer.version}\nevent: version\n`);
    expect(text).toContain(': heartbeat\n\n');
    expect(isolate.openStreams).toBe(0);
  });

  it('resumes from Last-Event-ID: what the client missed, nothing when it missed nothing, everything when the id is unknown', { timeout: 30_000 }, async () => {
    const worker = createWorker(new IsolateState());
    const missed = await open(worker, { UPDATES_MAX_SECONDS: '1' }, { 'last-event-id': first });
    const [event] = await missed.events(1);
    expect(event).toMatchObject({ previous: first, full: false, lists: ['latest', 'language:hi', 'person:kim-jong-un'] });
    const current = event!.version as string;
    await missed.done;

    const upToDate = await open(worker, { UPDATES_MAX_SECONDS: '1' }, { 'last-event-id': current });
    const text = await upToDate.done;
    expect(eventsIn(text)).toEqual([]);
    expect(text).toContain(`: at ${current}\n\n`);

    const unknown = await open(worker, { UPDATES_MAX_SECONDS: '1' }, { 'last-event-id': 'no-such-version' });
    expect((await unknown.events(1))[0]).toMatchObject({ version: current, full: true, lists: ['latest', 'language:hi', 'person:kim-jong-un', 'section:world'] });
    await unknown.done;
  });

  it('holds at most UPDATES_MAX_STREAMS an isolate: the next client is told to reconnect later', { timeout: 30_000 }, async () => {
    const isolate = new IsolateState();
    const worker = createWorker(isolate);
    const held = await open(worker, { UPDATES_MAX_STREAMS: '1', UPDATES_MAX_SECONDS: '20' });
    await held.events(1);
    const refused = await open(worker, { UPDATES_MAX_STREAMS: '1' });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('retry-after')).toBe('30');
    const text = await refused.done;
    expect(Number(/^retry: (\d+)/.exec(text)![1])).toBeGreaterThanOrEqual(30_000);
    expect(eventsIn(text)).toEqual([]);
    expect(isolate.openStreams).toBe(1);
    await held.cancel();
    await held.done;
    // The stream notices at its next write (a heartbeat within a second).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(isolate.openStreams).toBe(0);
  });

  it('costs an isolate about one pointer read a VERSION_CHECK_SECONDS, however many streams it holds', { timeout: 30_000 }, async () => {
    // Counts the pointer reads the streams make (a wrapper over the real local KV).
    let pointerReads = 0;
    const counted = new Proxy(env.NEWS, {
      get(target, name) {
        const member = Reflect.get(target, name, target) as unknown;
        if (name !== 'get' || typeof member !== 'function') return typeof member === 'function' ? member.bind(target) : member;
        return (key: unknown, ...rest: unknown[]) => {
          if (key === 'current') pointerReads += 1;
          return (member as (...args: unknown[]) => unknown).call(target, key, ...rest);
        };
      },
    });
    const worker = createWorker(new IsolateState());
    const streams = await Promise.all(Array.from({ length: 10 }, () => open(worker, { UPDATES_MAX_SECONDS: '4', NEWS: counted })));
    await Promise.all(streams.map((s) => s.events(1)));
    // Opening reads the pointer as any request does; what is counted is what holding them costs.
    const opening = pointerReads;
    pointerReads = 0;
    const texts = await Promise.all(streams.map((s) => s.done));
    expect(texts.every((t) => eventsIn(t).length === 1)).toBe(true);
    expect(opening).toBeGreaterThan(0);
    // About four one-second windows: each stream polling for itself would read about 40 times.
    expect(pointerReads).toBeGreaterThan(0);
    expect(pointerReads).toBeLessThanOrEqual(8);
  });

  it('answers a wrong method or a malformed list of lists with a code, not a stream', async () => {
    const worker = createWorker(new IsolateState());
    const ask = async (init: RequestInit, query: string) => {
      const response = await worker.fetch(new Request(`http://localhost/updates${query}`, init) as Request<unknown, IncomingRequestCfProperties>, streamEnv({}), createExecutionContext());
      return { status: response.status, body: (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> } };
    };
    const post = await ask({ method: 'POST', body: '{}' }, '');
    expect(post.status).toBe(405);
    expect(post.body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    const bad = await ask({}, '?lists=latest,planet:mars');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringContaining('"planet:mars" is not a list') });
  });
});

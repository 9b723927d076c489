import { describe, expect, inject, it } from 'vitest';

/**
 * GET /updates through the real `wrangler dev` (production vars and `npm start`): a stream
 * of server-sent events that opens with the current data version, and resumes from
 * `Last-Event-ID` without repeating it. tests/worker/updates.test.ts publishes while a stream
 * is open, bounds the streams and counts the pointer reads.
 */
const servers = inject('servers');

/** Reads a stream until `enough` holds for the text so far, then closes it. */
async function readUntil(response: Response, enough: (text: string) => boolean, abort: AbortController): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!enough(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  abort.abort();
  return text;
}

describe.each(servers)('GET /updates in wrangler dev ($name)', ({ origin }) => {
  it('opens with the current data version as a server-sent event, and resumes from Last-Event-ID', async () => {
    const { dataVersion } = (await (await fetch(`${origin}/healthz`)).json()) as { dataVersion: string };
    const opening = new AbortController();
    const response = await fetch(`${origin}/updates?lists=latest,person:kim-jong-un`, { signal: opening.signal, headers: { origin: 'https://app.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).not.toBeNull();
    const text = await readUntil(response, (t) => t.includes('data: ') && t.includes('\n\n', t.indexOf('data: ')), opening);
    expect(text.startsWith('retry: 3000\n\n')).toBe(true);
    const data = JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({ version: dataVersion, previous: null, lists: [], full: false });
    expect(text).toContain(`id: ${dataVersion}\nevent: version\n`);

    const resuming = new AbortController();
    const resumed = await fetch(`${origin}/updates`, { signal: resuming.signal, headers: { 'last-event-id': dataVersion } });
    const again = await readUntil(resumed, (t) => t.includes(`: at ${dataVersion}\n\n`), resuming);
    expect(again).not.toContain('data: ');
  });

  it('refuses a list it does not know with BAD_REQUEST', async () => {
    const response = await fetch(`${origin}/updates?lists=planet:mars`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});

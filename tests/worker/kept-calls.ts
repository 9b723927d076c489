import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { IsolateState } from '../../src/store/isolate-state';
import { createWorker } from '../../src/worker';

/** Requests for the kept-answer tests: a screen by POST (the memo) and GET (the edge cache), and the fresh answer to compare with. */
export type Screen = { name: string; query: string; variables: Record<string, unknown> };
export type Worker = ReturnType<typeof createWorker>;

const testEnv = { ...env, VERSION_CHECK_SECONDS: '0' } as Env;

export async function call(worker: Worker, request: Request): Promise<{ text: string; headers: Headers }> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return { text: await response.text(), headers: response.headers };
}

export const post = ({ query, variables }: Screen): Request =>
  new Request('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
export const get = ({ query, variables }: Screen): Request =>
  new Request(`http://localhost/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`);

/** The screen as a cold worker answers it now: the truth a kept answer must equal. */
export const fresh = async (screen: Screen): Promise<string> => (await call(createWorker(new IsolateState()), post(screen))).text;

/** Asks `worker` by POST and GET; each must equal the fresh answer. Says whether each was served kept. */
export async function askKept(worker: Worker, screen: Screen, expectEqual: (actual: string, expected: string, label: string) => void) {
  const truth = await fresh(screen);
  const memo = await call(worker, post(screen));
  const edge = await call(worker, get(screen));
  expectEqual(memo.text, truth, `${screen.name} (memo)`);
  expectEqual(edge.text, truth, `${screen.name} (edge cache)`);
  return { truth, memo: memo.headers.get('x-memo') === 'HIT', edge: edge.headers.get('x-cache') === 'HIT' };
}

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createWorker } from '../../src/worker';
import { readRaw, type RawResponse } from '../shared/raw-response';

export { contractViolations, postJson, type RawResponse } from '../shared/raw-response';

/** Sends any request (any method, headers, body bytes) to a worker and reads the answer. */
export async function send(
  worker: ReturnType<typeof createWorker>,
  init: RequestInit & { path?: string },
  bindings: Partial<Env> = {},
): Promise<RawResponse> {
  const ctx = createExecutionContext();
  const request = new Request(`http://localhost${init.path ?? '/graphql'}`, init);
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return readRaw(response);
}

import { readConfig, type Config } from './config';
import { createFrontDoor } from './front/front-door';
import { configurationError } from './http/error-codes';
import type { IsolateState } from './store/isolate-state';

/**
 * The Workers adapter: the only code that sees `env` and the fetch handler. It reads the
 * config once per env and hands every request to the front door (src/front/front-door.ts).
 */
export function createWorker(given?: IsolateState) {
  const front = createFrontDoor(given);
  // The env object is the isolate's; tests hand each request an env of its own.
  const configs = new WeakMap<Env, Config>();
  const handler = {
    async fetch(request, env, ctx) {
      let config = configs.get(env);
      if (!config) {
        try {
          config = readConfig(env, env.RATE_LIMITER);
        } catch (error) {
          return configurationError(error as Error);
        }
        configs.set(env, config);
      }
      const build = env.CF_VERSION_METADATA && { id: env.CF_VERSION_METADATA.id, tag: env.CF_VERSION_METADATA.tag, timestamp: env.CF_VERSION_METADATA.timestamp };
      return front.answer(request, { config, kv: env.NEWS, metrics: env.METRICS, build, waitUntil: (promise) => ctx.waitUntil(promise) });
    },
  } satisfies ExportedHandler<Env>;
  return Object.assign(handler, { isolate: front.isolate, yogaRequests: front.yogaRequests });
}

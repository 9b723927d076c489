import { ErrorCode } from '../errors';
import { NoDataVersion } from '../model/domain-errors';
import type { Stage } from './exchange';

export const HEALTH_PATH = '/healthz';

/**
 * GET /healthz: whether the worker can read its data, for uptime checks and deploy gates. It
 * reads the data-version pointer (at most one KV read, none within VERSION_CHECK_SECONDS) and
 * answers 200 with the version, when it was built, its age and the deployment; 503 when no
 * version can be read. Never cached.
 */
export const healthStage: Stage = async (exchange, next) => {
  const { facts, reader, build } = exchange;
  if (facts.url.pathname !== HEALTH_PATH || (facts.method !== 'GET' && facts.method !== 'HEAD')) return next();
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  try {
    const pointer = await reader.pointer();
    const age = Math.max(0, Math.round((Date.now() - Date.parse(pointer.builtAt)) / 1000));
    const body = {
      status: 'ok',
      dataVersion: pointer.version,
      builtAt: pointer.builtAt,
      ageSeconds: Number.isNaN(age) ? null : age,
      articles: pointer.articleCount,
      entities: pointer.entityCount,
      build: build ?? null,
    };
    return new Response(JSON.stringify(body), { status: 200, headers });
  } catch (error) {
    const reason = error instanceof NoDataVersion ? 'nothing is published' : 'the data-version pointer could not be read';
    const body = { status: 'unavailable', code: ErrorCode.DATA_UNAVAILABLE, reason, build: build ?? null };
    return new Response(JSON.stringify(body), { status: 503, headers });
  }
};

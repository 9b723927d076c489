import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesOf } from './compiled-cases';
import { compiledPair, expectSameAnswer, NO_MEMO, OPERATIONS, persistedPost } from './compiled-pair';
import { faulty, type Faults } from './faulty-kv';
import { seedKv } from './helpers';

/**
 * Proof of equality, part 3: KV faults (tests/worker/faulty-kv.ts around Miniflare's real KV).
 * Failed and corrupt reads become field errors at their paths, nulls propagate to the nearest
 * nullable parent (spec 6.4.4), several errors are listed in the order they happen, and no
 * readable pointer answers 503: the compiled path must write the same bytes for all of it.
 * Faults depend on the key only, so both workers meet the same ones.
 */
// Seeding writes every key of the build: allow for a busy machine.
beforeAll(seedKv, 30_000);

/** A stable pick of about one key in `n`. */
const oneIn = (n: number) => (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % n === 0;

const FAULTS: Record<string, Faults> = {
  'every entity read fails': { fail: (key) => key.includes(':e:') },
  'every article read fails': { fail: (key) => key.includes(':a:') },
  'one key in three fails': { fail: oneIn(3) },
  'one key in four is corrupt JSON': { corrupt: oneIn(4) },
  'entities of the wrong shape': { replace: (key) => (key.includes(':e:') && oneIn(2)(key) ? '{"type":"Place","slug":7}' : undefined) },
  'lists unreadable': { fail: (key) => key.includes(':h:') || key.includes(':l:') },
  'slow reads, one key in five fails': { delayMs: 2, fail: oneIn(5) },
  'no readable data-version pointer': { fail: (key) => key === 'current' },
};

describe('compiled operations answer what graphql-js answers, when KV fails', () => {
  it.each(Object.entries(FAULTS))('%s', async (_, faults) => {
    const pair = compiledPair(NO_MEMO, faulty(env.NEWS, faults).kv);
    const errors = new Set<string>();
    for (const op of OPERATIONS) {
      for (const [i, variables] of casesOf(op).slice(0, 3).entries()) {
        const answers = await pair('/graphql', persistedPost(op, variables));
        expectSameAnswer(op, answers, `case ${i} ${JSON.stringify(variables)}`, faults === FAULTS['no readable data-version pointer']);
        for (const e of answers.compiled.json?.errors ?? []) errors.add(String(e.extensions?.code));
      }
    }
    // The faults were met: some answer carries the error they cause.
    expect([...errors].some((code) => code === 'DATA_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR')).toBe(true);
  }, 60_000);
});

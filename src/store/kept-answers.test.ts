import { describe, expect, it } from 'vitest';
import { KeptAnswers } from './kept-answers';

const reads = { version: 'v1', keys: new Uint32Array(0), pinned: false, tags: [] };
const answer = (text: string) => ({ packed: new TextEncoder().encode(text), reads });
const textOf = (kept: { packed: Uint8Array } | undefined) => kept && new TextDecoder().decode(kept.packed);
const post = (name: string) => `POST\u0000${name}`;
const get = (name: string) => `GET\u0000${name}`;

describe('the response memo tiers', () => {
  // 8,000 bytes: 1,000 for GETs, 3,000 on probation, 4,000 protected; entries of about 1,000.
  const memo = () => new KeptAnswers(8000);
  const fill = (m: KeptAnswers, key: string) => m.set(key, answer(key), 900);

  it('a stream of one-off POSTs never pushes out an answer asked for twice', () => {
    const m = memo();
    fill(m, post('place'));
    expect(textOf(m.get(post('place')))).toBe(post('place'));
    for (let i = 0; i < 50; i++) fill(m, post(`article ${i}`));
    expect(textOf(m.peek(post('place')))).toBe(post('place'));
    expect(m.peek(post('article 0'))).toBeUndefined();
    expect(m.stats.bytes).toBeLessThanOrEqual(8000);
  });

  it('an answer evicted from probation and asked for again is kept as a repeat', () => {
    const m = memo();
    fill(m, post('event'));
    for (let i = 0; i < 10; i++) fill(m, post(`article ${i}`));
    expect(m.peek(post('event'))).toBeUndefined();
    fill(m, post('event'));
    for (let i = 10; i < 60; i++) fill(m, post(`article ${i}`));
    expect(textOf(m.peek(post('event')))).toBe(post('event'));
  });

  it('keeps GET answers in their own eighth: they never push out POST answers', () => {
    const m = memo();
    fill(m, post('feed'));
    for (let i = 0; i < 20; i++) fill(m, get(`page ${i}`));
    expect(textOf(m.peek(post('feed')))).toBe(post('feed'));
    expect(textOf(m.peek(get('page 19')))).toBe(get('page 19'));
    expect(m.peek(get('page 0'))).toBeUndefined();
  });
});

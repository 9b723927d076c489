import { describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from './global-id';

describe('global IDs', () => {
  it('round-trip type and slug, and are URL-safe', () => {
    const id = toGlobalId('Person', 'kim-jong-un');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Person', slug: 'kim-jong-un' });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['unknown type', toGlobalIdRaw('User:1')],
    ['no colon', toGlobalIdRaw('Person')],
    ['bad slug', toGlobalIdRaw('Person:Kim Jong Un')],
    ['invalid UTF-8', btoa('\xff\xfe:x').replace(/=+$/, '')],
    ['too long', 'A'.repeat(300)],
  ])('rejects %s', (_, id) => {
    expect(fromGlobalId(id)).toBeNull();
  });
});

function toGlobalIdRaw(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64UrlDecode, base64UrlEncode, fromGlobalId, toGlobalId } from './global-id';

describe('global IDs', () => {
  it('round-trip type and slug, and are URL-safe', () => {
    const id = toGlobalId('Person', 'kim-jong-un');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Person', slug: 'kim-jong-un' });
  });

  it('encodes any text as base64url of its UTF-8 bytes (ASCII takes a shortcut), and decodes it back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' })), (text) => {
        const encoded = base64UrlEncode(text);
        expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64url'));
        if (!/[\ud800-\udfff]/.test(text)) expect(base64UrlDecode(encoded)).toBe(text);
      }),
    );
  });

  it('decodes any bytes as a fatal UTF-8 decoder does: their text, or null when they are not UTF-8', () => {
    const reference = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let expected: string | null;
        try {
          expected = reference.decode(bytes);
        } catch {
          expected = null;
        }
        expect(base64UrlDecode(Buffer.from(bytes).toString('base64url'))).toBe(expected);
      }),
    );
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

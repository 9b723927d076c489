import { NODE_TYPES, type NodeType } from './entity-kinds';
import { isAuthorSlug } from './author-identity';

/**
 * Global object IDs (Relay Global Object Identification spec): base64url of `Type:slug`.
 * Opaque to clients, stable across data versions because slugs are.
 */

const NODE_TYPE_SET: ReadonlySet<string> = new Set<string>(NODE_TYPES);

export interface GlobalId {
  type: NodeType;
  slug: string;
}

export function toGlobalId(type: NodeType, slug: string): string {
  return base64UrlEncode(`${type}:${slug}`);
}

/** Returns null for anything that is not an ID this API issued. */
export function fromGlobalId(id: string): GlobalId | null {
  if (id.length === 0 || id.length > 256 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const decoded = base64UrlDecode(id);
  if (decoded === null) return null;
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const slug = decoded.slice(colon + 1);
  if (colon < 1 || !NODE_TYPE_SET.has(type)) return null;
  // Author slugs keep the letters of any script (प्रिया-शर्मा); every other slug is ASCII.
  if (type === 'Author' ? !isAuthorSlug(slug) : !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return null;
  return { type: type as NodeType, slug };
}

export function base64UrlEncode(text: string): string {
  // Printable ASCII (every ID: a type name and a slug): its UTF-8 bytes are its char codes, so btoa takes
  // it as is, with no TextEncoder per ID (an executed list encodes hundreds).
  let binary = text;
  if (!/^[ -~]*$/.test(text)) {
    binary = '';
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Refuses bytes that are not UTF-8 (WHATWG Encoding, `fatal`); stateless when not streaming, so one serves every call. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function base64UrlDecode(encoded: string): string | null {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    // Printable ASCII bytes decode to themselves in UTF-8 (every ID this API issues): no byte copy, no decoder.
    if (/^[ -~]*$/.test(binary)) return binary;
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

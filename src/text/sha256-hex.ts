/**
 * The SHA-256 of a text's UTF-8 bytes, as lowercase hex: the id of a persisted operation
 * (Apollo's persisted-query convention) and the edge cache's strong ETag. Web Crypto, so it
 * runs in workerd and in Node alike.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

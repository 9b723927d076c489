/**
 * Answers as the response memo keeps them: gzipped (RFC 1952) by the platform's
 * CompressionStream (Compression Streams standard; workerd and Node have it), since a JSON
 * answer shrinks four- to eightfold and the memo's budget then holds that many more. Packing
 * happens after the answer is sent (waitUntil); unpacking a hit costs one native pass.
 */
export async function packText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

export function unpackText(packed: Uint8Array<ArrayBuffer>): Promise<string> {
  return new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** Heap a packed answer holds: its bytes, and the typed array and buffer objects. */
export const packedBytes = (packed: Uint8Array): number => packed.byteLength + 96;

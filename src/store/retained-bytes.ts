import { stringBytes } from './string-bytes';

/**
 * What a value parsed from JSON retains on the V8 heap, estimated from V8's object layouts
 * with pointer compression (workerd's build: a tagged slot is 4 bytes), rounded up:
 *   object   header (map, properties, elements) and a property array: 24 + 8 a property
 *   array    JSArray header and its FixedArray: 24 + 4 an element
 *   string   stringBytes (string-bytes.ts); numbers: 0 for small integers (Smis, kept in the
 *            slot), 16 for a HeapNumber; true, false and null are shared constants
 * Property names are not counted: V8 internalizes them and shares them through hidden classes.
 * The cache counts this instead of the JSON's length: a parsed article costs about twice
 * its JSON text, a list chunk of cards more, and the old length count hid that.
 */
const OBJECT_BYTES = 24;
const PROPERTY_BYTES = 8;
const ARRAY_BYTES = 24;
const ELEMENT_BYTES = 4;
const HEAP_NUMBER_BYTES = 16;
const SMI_MAX = 2 ** 30 - 1;

export function retainedBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isInteger(value) && Math.abs(value) <= SMI_MAX ? 0 : HEAP_NUMBER_BYTES;
    case 'object': {
      if (value === null) return 0;
      if (Array.isArray(value)) {
        let bytes = ARRAY_BYTES + ELEMENT_BYTES * value.length;
        for (const item of value) bytes += retainedBytes(item);
        return bytes;
      }
      let bytes = OBJECT_BYTES;
      for (const key in value) bytes += PROPERTY_BYTES + retainedBytes((value as Record<string, unknown>)[key]);
      return bytes;
    }
    default:
      return 0;
  }
}

/**
 * A name's handle: the name in Unicode NFC, trimmed, single-spaced and lower-cased, so `World`,
 * `world ` and `WORLD` are one section, and precomposed and combining Devanagari (क़ and क + ़)
 * one tag.
 */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

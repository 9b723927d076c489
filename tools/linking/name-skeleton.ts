import anyAscii from 'any-ascii';
import { stripTitles } from './titles';

/**
 * A key under which one name written in two scripts compares equal: राहुल गांधी and Rahul
 * Gandhi, नरेंद्र मोदी and Narendra Modi. any-ascii romanises the name (Devanagari without its
 * inherent vowels: "nrendr modi"), then each word is reduced to its consonants with the
 * spellings romanisation varies on merged: ph/f, z/j, w/v, sh/s, doubled letters, the nasal
 * before a consonant as n (m before p, b, m)
 * (the consonant-skeleton key checked in the project's field notes on 13 common names). Too
 * weak for linking text; used only to merge one name seen in two scripts, and only when it has
 * two words or more.
 */
export function nameSkeleton(name: string): string | undefined {
  const words = anyAscii(stripTitles(name).normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) =>
      w
        .replace(/ph/g, 'f')
        .replace(/z/g, 'j')
        .replace(/w/g, 'v')
        .replace(/sh/g, 's')
        // Anusvara: any-ascii writes ं as m (गांधी -> gamdhi); it is n except before p, b, m.
        .replace(/m(?=[cdfghjklnqrstvxz])/g, 'n')
        .replace(/n(?=[pbm])/g, 'm')
        .replace(/[aeiouy]/g, '')
        .replace(/(.)\1+/g, '$1'),
    )
    .filter(Boolean);
  return words.length >= 2 ? words.join(' ') : undefined;
}

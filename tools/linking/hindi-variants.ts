/**
 * Hindi spellings of English loanwords that differ from the KB's only by an English plural
 * written onto the name: मालदीव्स (Maldives, "Maldeevs") for मालदीव, फिलीपींस-style names
 * already end so. Compared on match keys (match-key.ts drops the virama, so ्स is स). Only
 * names of four letters or more, so short words (रू + स = रूस) do not turn into others.
 */
export function loanwordPlural(wordKey: string, nameKey: string): boolean {
  return nameKey.length >= 4 && /[\u0900-\u097F]/.test(nameKey) && wordKey === `${nameKey}\u0938`;
}

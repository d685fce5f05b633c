import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a reference read aloud over the phone must not be misheard.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A reference a citizen can quote, e.g. FD-2026-4F7K2Q: the year, then six random characters. */
export function newCaseReference(year: number): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `FD-${year}-${code}`;
}

/** A reference as typed or read aloud: upper-cased and trimmed; null when it is not one of ours. */
export function parseCaseReference(text: string): string | null {
  const reference = text.trim().toUpperCase();
  return /^FD-\d{4}-[2-9A-HJKMNP-Z]{6}$/.test(reference) ? reference : null;
}

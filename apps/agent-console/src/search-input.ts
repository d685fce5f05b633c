/**
 * The lookup box's other searches: a case reference the citizen quotes (FD-2026-4F7K2Q) and
 * a name, with an address, postcode or birth year to narrow it ("Anna Andersson 1990",
 * "Andersson, Storgatan 12", "Andersson, 123 45"). The hub validates again.
 */
export type SearchInput =
  | { kind: 'case-reference'; reference: string }
  | { kind: 'invalid-reference' }
  | { kind: 'name'; name: PersonSearch };

export interface PersonSearch {
  name: string;
  address?: string;
  postalCode?: string;
  birthYear?: string;
}

// The hub's alphabet: no 0/O, 1/I/L (a reference read aloud must not be misheard).
const REFERENCE = /^FD[-\s]*(\d{4})[-\s]*([2-9A-HJKMNP-Z]{6})$/;

/** A reference, a name search, or null when the text is neither (an address, a number). */
export function classifySearch(input: string): SearchInput | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (/^FD[-\s]*\d/i.test(text)) {
    const match = REFERENCE.exec(text.toUpperCase());
    return match
      ? { kind: 'case-reference', reference: `FD-${match[1]}-${match[2]}` }
      : { kind: 'invalid-reference' };
  }
  const [namePart, ...rest] = text.split(',');
  const words = namePart.trim().split(' ');
  const year = /^(18|19|20)\d{2}$/.test(words.at(-1) ?? '') && words.length > 1 ? words.pop() : undefined;
  const name = words.join(' ');
  if (!/^[\p{L}][\p{L}\s'.-]*$/u.test(name)) return null;
  const where = rest.join(',').trim();
  const search: PersonSearch = { name };
  if (year) search.birthYear = year;
  if (/^\d{3}\s?\d{2}$/.test(where)) search.postalCode = where;
  else if (where) search.address = where;
  return { kind: 'name', name: search };
}

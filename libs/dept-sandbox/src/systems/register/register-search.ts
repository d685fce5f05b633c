import type { RegisterRecord } from './register.data';

/** At most this many people in one answer; more and the asker must narrow the search (as SPAR). */
export const SEARCH_CAP = 20;

export interface RegisterSearch {
  name?: string;
  /** Street address, or the start of it ("Storgatan 12"). */
  address?: string;
  /** Five digits, with or without the space ("123 45"). */
  postalCode?: string;
  birthYear?: string;
}

export type SearchAnswer =
  { tooMany: false; total: number; people: RegisterRecord[] } | { tooMany: true; total: number; people: [] };

/** What is wrong with a search, in the words a 400 answer carries; null when it may run. */
export function searchProblem(search: RegisterSearch): string | null {
  const name = search.name?.trim() ?? '';
  const address = search.address?.trim() ?? '';
  if (!name && !address) return 'give a name or an address';
  if (name && name.replace(/[^\p{L}]/gu, '').length < 2) return 'name: at least two letters';
  if (address && address.length < 3) return 'address: at least a street name';
  if (search.postalCode && !/^\d{3}\s?\d{2}$/.test(search.postalCode.trim()))
    return 'postalCode: five digits, e.g. 123 45';
  if (search.birthYear && !/^(18|19|20)\d{2}$/.test(search.birthYear.trim()))
    return 'birthYear: four digits, e.g. 1990';
  return null;
}

const fold = (text: string) => text.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
const words = (text: string) =>
  fold(text)
    .split(/[\s,-]+/)
    .filter(Boolean);

/**
 * Person search in the spirit of SPAR's (Statens personadressregister): every word of the name
 * begins a given name or the surname; address and postcode narrow it. People with protected
 * identity (sekretessmarkering, skyddad folkbokföring) are never found by a search: a hit, or
 * a hit at their address, would tell where they live. They are reached by personal number only.
 */
export function searchRegister(records: Iterable<RegisterRecord>, search: RegisterSearch): SearchAnswer {
  const nameWords = search.name ? words(search.name) : [];
  const street = search.address ? fold(search.address) : '';
  const postalCode = search.postalCode?.replace(/\s/g, '');
  const birthYear = search.birthYear?.trim();
  const found: RegisterRecord[] = [];
  for (const record of records) {
    if (record.confidentialityMarking || record.protectedRegistration) continue;
    const own = words(`${record.givenName} ${record.surname}`);
    if (!nameWords.every((w) => own.some((o) => o.startsWith(w)))) continue;
    if (street && !(record.address && fold(record.address.street).startsWith(street))) continue;
    if (postalCode && record.address?.postalCode.replace(/\s/g, '') !== postalCode) continue;
    if (birthYear && !record.personalNumber.startsWith(birthYear)) continue;
    found.push(record);
  }
  if (found.length > SEARCH_CAP) return { tooMany: true, total: found.length, people: [] };
  found.sort((a, b) => `${a.surname} ${a.givenName}`.localeCompare(`${b.surname} ${b.givenName}`, 'sv'));
  return { tooMany: false, total: found.length, people: found };
}

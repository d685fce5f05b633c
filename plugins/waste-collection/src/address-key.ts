/**
 * What an address lookup matches on: case, spacing and a trailing comma do not matter
 * ("storgatan  12," finds "Storgatan 12"). Swedish letters are kept as they are.
 */
export function addressKey(address: string): string {
  return address
    .trim()
    .replace(/[,.]+$/, '')
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('sv-SE');
}

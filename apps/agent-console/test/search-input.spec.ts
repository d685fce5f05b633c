import { classifyLookup } from '../src/personal-number';

describe('the lookup box: case references and names beside personal numbers and addresses', () => {
  it.each([
    ['FD-2026-UUXTMS', { kind: 'case-reference', reference: 'FD-2026-UUXTMS' }],
    ['fd-2026-uuxtms', { kind: 'case-reference', reference: 'FD-2026-UUXTMS' }],
    ['FD 2026 UUXTMS', { kind: 'case-reference', reference: 'FD-2026-UUXTMS' }],
    ['FD-2026-UUXTM', { kind: 'invalid-reference' }], // five characters
    ['FD-2026-0O1IL2', { kind: 'invalid-reference' }], // never in a reference: 0, O, 1, I, L
    ['Andersson', { kind: 'name', name: { name: 'Andersson' } }],
    ['Anna  Andersson 1990', { kind: 'name', name: { name: 'Anna Andersson', birthYear: '1990' } }],
    ['Andersson, Storgatan 12', { kind: 'name', name: { name: 'Andersson', address: 'Storgatan 12' } }],
    ['Andersson, 123 45', { kind: 'name', name: { name: 'Andersson', postalCode: '123 45' } }],
    ['Åsa Öberg-Ek', { kind: 'name', name: { name: 'Åsa Öberg-Ek' } }],
    ['Storgatan 12', { kind: 'address', address: 'Storgatan 12' }],
    ['19900101-2385', { kind: 'personal-number', personalNumber: '199001012385' }],
  ])('%p is %p', (input, expected) => {
    expect(classifyLookup(input, new Date('2026-11-24T12:00:00Z'))).toMatchObject(expected);
  });
});

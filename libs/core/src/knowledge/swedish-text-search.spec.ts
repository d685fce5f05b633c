import { matchScore, swedishStems } from './swedish-text-search';

describe('Swedish text search', () => {
  it('stems Swedish words and drops stop words', () => {
    expect(swedishStems('Hur betalar jag fakturorna för förskolan?')).toEqual([
      'betal',
      'faktur',
      'förskolan',
    ]);
  });

  it.each([
    ['fakturan', 'Fakturor och påminnelser', true],
    ['påminnelse', 'Fakturor och påminnelser', true],
    ['förskolor', 'Plats i förskolan', true],
    ['sophämtningen', 'När töms kärlet? Sophämtning', true],
    ['bygglov', 'Plats i förskolan', false],
    ['öl', 'Ölands förskolor', false], // too short to match by prefix
  ])('"%s" finds "%s": %p', (query, text, found) => {
    expect(matchScore(swedishStems(query), { fields: [{ text, weight: 1 }] }) > 0).toBe(found);
  });

  it('weighs a title match above a body match', () => {
    const query = swedishStems('faktura');
    expect(matchScore(query, { fields: [{ text: 'Faktura', weight: 3 }] })).toBeGreaterThan(
      matchScore(query, { fields: [{ text: 'Faktura', weight: 1 }] }),
    );
  });
});

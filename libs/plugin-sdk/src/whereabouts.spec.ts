import { PROTECTED_TEXT, blankWhereabouts } from './whereabouts';

describe('blankWhereabouts', () => {
  const answer = {
    applications: [
      {
        id: 'a',
        offer: { unitName: 'Förskolan Solrosen', startDate: '2027-01-04' },
        preferredUnits: [{ name: 'Solrosen', rank: 1 }],
      },
      { id: 'b', offer: null, preferredUnits: [] },
    ],
    address: { street: 'Storgatan 12', city: 'Exempelstad' },
  };

  it('blanks strings and nulls objects at every path, and leaves the original alone', () => {
    const blanked = blankWhereabouts(answer, [
      'applications.*.offer.unitName',
      'applications.*.preferredUnits.*.name',
      'address',
    ]);
    expect(blanked).toEqual({
      applications: [
        {
          id: 'a',
          offer: { unitName: PROTECTED_TEXT, startDate: '2027-01-04' },
          preferredUnits: [{ name: PROTECTED_TEXT, rank: 1 }],
        },
        { id: 'b', offer: null, preferredUnits: [] },
      ],
      address: null,
    });
    expect(answer.applications[0].offer!.unitName).toBe('Förskolan Solrosen');
  });

  it('ignores paths the answer does not have', () => {
    expect(blankWhereabouts({ a: 1 }, ['b.c', 'a.x'])).toEqual({ a: 1 });
  });
});

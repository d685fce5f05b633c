import { classifyLookup } from '../src/personal-number';

const TODAY = new Date('2026-11-24T12:00:00Z');

describe('classifyLookup: the lookup box checked as the agent types', () => {
  it.each([
    ['', 'empty', undefined],
    ['   ', 'empty', undefined],
    ['Storgatan 12', 'address', undefined],
    ['1990', 'incomplete', undefined],
    ['19900101-238', 'incomplete', undefined],
    ['1990010123', 'incomplete', undefined],
    ['19900101238', 'incomplete', undefined],
    ['19900101-2385', 'personal-number', '199001012385'],
    ['199001012385', 'personal-number', '199001012385'],
    ['900101-2385', 'personal-number', '199001012385'],
    ['9001012385', 'personal-number', '199001012385'],
    ['19900101-2384', 'invalid', undefined], // wrong check digit
    ['19901301-2385', 'invalid', undefined], // month 13
    ['000229-2399', 'personal-number', '200002292399'], // leap day
    ['010229-2399', 'invalid', undefined], // not a leap year
    ['191401682396', 'personal-number', '191401682396'], // samordningsnummer: day 08 + 60
    ['000101+9801', 'personal-number', '190001019801'], // over 100 years: '+'
    ['1990010123855', 'invalid', undefined],
    ['19900101x2385', 'invalid', undefined],
  ])('%p is %s', (input, kind, personalNumber) => {
    const result = classifyLookup(input, TODAY);
    expect(result.kind).toBe(kind);
    if (personalNumber) expect(result).toMatchObject({ kind, personalNumber });
  });

  it.each([
    ['191401682396', true], // day 08 + 60: samordningsnummer, "Giltigt samordningsnummer"
    ['19900101-2385', false],
  ])('%p is a coordination number: %p', (input, coordination) => {
    expect(classifyLookup(input, TODAY)).toMatchObject({ kind: 'personal-number', coordination });
  });
});

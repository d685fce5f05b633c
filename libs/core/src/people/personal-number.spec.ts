import { FrontdoorError } from '../errors';
import { parsePersonalNumber, samePerson } from './personal-number';

describe('parsePersonalNumber', () => {
  it.each([
    ['199001012385', '199001012385', false],
    ['19900101-2385', '199001012385', false],
    ['900101-2385', '199001012385', false],
    ['9001012385', '199001012385', false],
    ['  900101-2385 ', '199001012385', false],
    ['000101+9801', '190001019801', false], // + : 100 years or older
    ['189001019802', '189001019802', false],
    ['191401682396', '191401682396', true], // samordningsnummer: day 08 + 60
    ['20220161-2393', '202201612393', true],
  ])('%p -> %p (coordination: %p)', (input, value, isCoordinationNumber) => {
    expect(parsePersonalNumber(input)).toEqual({ value, isCoordinationNumber });
  });

  it.each([
    ['19900101-2386', 'the date or the check digit is wrong'],
    ['19901301-2385', 'the date or the check digit is wrong'],
    ['900101--2385', 'expected 10 or 12 digits'],
    ['1990-01-01-2385', 'expected 10 or 12 digits'],
    ['', 'expected 10 or 12 digits'],
    ['12345', 'expected 10 or 12 digits'],
    ['19900101238X', 'expected 10 or 12 digits'],
  ])('rejects %p: %s', (input, reason) => {
    let caught: unknown;
    try {
      parsePersonalNumber(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FrontdoorError);
    expect({ ...(caught as FrontdoorError) }).toEqual({ code: 'BAD_USER_INPUT', field: 'personalNumber' });
    expect((caught as FrontdoorError).message).toContain(reason);
  });

  it('tells whether two inputs name the same person', () => {
    expect(samePerson('900101-2385', '199001012385')).toBe(true);
    expect(samePerson('900101-2385', '196408233234')).toBe(false);
    expect(samePerson('garbage', 'garbage')).toBe(false);
  });
});

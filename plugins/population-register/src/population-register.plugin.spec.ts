import { blankWhereabouts, PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import { registerAnswer } from './register-answer.schema';
import {
  custodyRelations,
  hasProtectedIdentity,
  populationRecord,
  populationRegisterPlugin,
} from './population-register.plugin';
import type { RegisterAnswer } from './register-answer.schema';

const record = (overrides: Partial<RegisterAnswer> = {}): RegisterAnswer => ({
  personalNumber: '200002292399',
  givenName: 'Cecilia',
  surname: 'Carlsson',
  address: { careOf: 'c/o Berg', street: 'Björkvägen 7', postalCode: '123 50', city: 'Exempelstad' },
  municipality: 'Exempelstad',
  confidentialityMarking: false,
  protectedRegistration: false,
  deceased: false,
  ...overrides,
});

describe('population register: protection markings', () => {
  it.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ])(
    'sekretessmarkering %p and skyddad folkbokföring %p mean protected %p',
    (confidentialityMarking, protectedRegistration, expected) => {
      expect(hasProtectedIdentity(record({ confidentialityMarking, protectedRegistration }))).toBe(expected);
    },
  );

  it('does not call a person the register does not know protected (the hub decides what an unreachable register means)', () => {
    expect(hasProtectedIdentity(null)).toBe(false);
  });

  it('declares every part of the address and the municipality as whereabouts', () => {
    const blanked = blankWhereabouts(record(), populationRegisterPlugin.person.whereabouts!);
    expect(populationRecord(blanked)).toEqual({
      givenName: 'Cecilia',
      surname: 'Carlsson',
      address: {
        careOf: PROTECTED_TEXT,
        street: PROTECTED_TEXT,
        postalCode: PROTECTED_TEXT,
        city: PROTECTED_TEXT,
      },
      municipality: PROTECTED_TEXT,
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
    });
  });

  it('keeps a missing address missing when blanked', () => {
    const blanked = blankWhereabouts(
      record({ address: null, municipality: null }),
      populationRegisterPlugin.person.whereabouts!,
    );
    expect(populationRecord(blanked)?.address).toBeNull();
  });

  it('adds no status items: the register holds no matters', () => {
    expect(populationRegisterPlugin.person.statuses(record(), '2026-11-24')).toEqual([]);
  });
});

describe('population register: custody relations (vårdnad)', () => {
  it('reads V as the person’s guardians and B as the children in their custody, ignoring other relations', () => {
    const answer = registerAnswer.parse({
      ...record(),
      relations: [
        { type: 'V', personalNumber: '199001012385' },
        { type: 'B', personalNumber: '202402292383' },
        { type: 'M', personalNumber: '196408233234' },
      ],
    });
    expect(custodyRelations(answer)).toEqual({ guardians: ['199001012385'], children: ['202402292383'] });
    expect(populationRegisterPlugin.person.custody!(answer)).toEqual(custodyRelations(answer));
  });

  it('knows no custody without relations, or of someone the register does not know', () => {
    expect(custodyRelations(registerAnswer.parse(record()))).toEqual({ guardians: [], children: [] });
    expect(custodyRelations(null)).toEqual({ guardians: [], children: [] });
  });

  it('refuses a relation whose personal number is not 12 digits (garbage from the register)', () => {
    expect(
      registerAnswer.safeParse({ ...record(), relations: [{ type: 'V', personalNumber: '1990' }] }).success,
    ).toBe(false);
  });
});

import {
  SourceAnswerInvalidError,
  checkInput,
  runQueryAnswer,
  type SourceContext,
} from '@frontdoor/plugin-sdk';
import { personSearchArgs, searchQuery, toSearchResult, type PersonSearchAnswer } from './person-search';
import { populationRegisterPlugin } from './population-register.plugin';
import type { RegisterAnswer } from './register-answer.schema';

const person = (overrides: Partial<RegisterAnswer> = {}): RegisterAnswer => ({
  personalNumber: '199001012385',
  givenName: 'Anna',
  surname: 'Andersson',
  address: { careOf: null, street: 'Storgatan 12', postalCode: '123 45', city: 'Exempelstad' },
  municipality: 'Exempelstad',
  confidentialityMarking: false,
  protectedRegistration: false,
  deceased: false,
  ...overrides,
});
const cecilia = person({
  personalNumber: '200002292399',
  givenName: 'Cecilia',
  surname: 'Carlsson',
  confidentialityMarking: true,
});

const personSearch = populationRegisterPlugin.queries.find((q) => q.field === 'personSearch')!;

describe('population register: personSearch', () => {
  it('is a staff lookup that names a place: the hub answers null to the uncleared when a protected person is in it', () => {
    expect(personSearch).toMatchObject({ mandate: 1, findsByPlace: true });
    expect(personSearch.whereabouts).toEqual(
      expect.arrayContaining([
        'people.*.address.street',
        'people.*.address.postalCode',
        'people.*.address.city',
      ]),
    );
  });

  it('asks the register with only the arguments given, and audits everyone in the answer', async () => {
    const getJson = jest.fn().mockResolvedValue({ tooMany: false, total: 1, people: [person()] });
    const ctx = { http: { getJson } } as unknown as SourceContext<unknown>;
    const answer = (await runQueryAnswer(personSearch, ctx, {
      name: 'Anna',
      birthYear: '1990',
    })) as PersonSearchAnswer;
    expect(getJson).toHaveBeenCalledWith('api/v1/person-search', {
      query: { name: 'Anna', birthYear: '1990' },
    });
    expect(personSearch.subjects(answer)).toEqual(['199001012385']);
  });

  it('says nothing found as null, as every plugin query does; a malformed empty answer stays an error', async () => {
    const empty = {
      http: { getJson: jest.fn().mockResolvedValue({ tooMany: false, total: 0, people: [] }) },
    };
    await expect(
      runQueryAnswer(personSearch, empty as unknown as SourceContext<unknown>, { name: 'Zyxwvu' }),
    ).resolves.toBeNull();
    const malformed = { http: { getJson: jest.fn().mockResolvedValue({ total: 0 }) } };
    await expect(
      runQueryAnswer(personSearch, malformed as unknown as SourceContext<unknown>, { name: 'Zyxwvu' }),
    ).rejects.toBeInstanceOf(SourceAnswerInvalidError);
  });

  it('refuses an answer that is not the register’s (a source error, never "no hit")', async () => {
    const ctx = {
      http: { getJson: jest.fn().mockResolvedValue({ people: 'nope' }) },
    } as unknown as SourceContext<unknown>;
    await expect(runQueryAnswer(personSearch, ctx, { name: 'Anna' })).rejects.toBeInstanceOf(
      SourceAnswerInvalidError,
    );
  });

  it('lists the candidates with their birth year, and never a protected person even if the register sent one', () => {
    const result = toSearchResult({ tooMany: false, total: 2, people: [person(), cecilia] });
    expect(result).toEqual({
      tooMany: false,
      total: 1,
      people: [
        {
          personalNumber: '199001012385',
          givenName: 'Anna',
          surname: 'Andersson',
          birthYear: 1990,
          address: { careOf: null, street: 'Storgatan 12', postalCode: '123 45', city: 'Exempelstad' },
          deceased: false,
        },
      ],
    });
    expect(JSON.stringify(toSearchResult({ tooMany: false, total: 1, people: [cecilia] }))).not.toContain(
      'Carlsson',
    );
  });

  it('keeps "too many" as such: nobody listed, the count kept', () => {
    expect(toSearchResult({ tooMany: true, total: 57, people: [] })).toEqual({
      tooMany: true,
      total: 57,
      people: [],
    });
  });

  it.each([
    [{}, 'name'],
    [{ name: 'A' }, 'name'],
    [{ name: '12' }, 'name'],
    [{ name: 'Anna', birthYear: '90' }, 'birthYear'],
    [{ name: 'Anna', postalCode: 'abcde' }, 'postalCode'],
    [{ address: 'St' }, 'address'],
  ])('refuses %p, naming %s', (raw, field) => {
    const checked = checkInput(personSearchArgs, raw);
    expect(checked).toMatchObject({ ok: false, field });
  });

  it('accepts a name, an address, or both, and sends no empty argument', () => {
    const checked = checkInput(personSearchArgs, { name: ' Anna ', address: undefined });
    expect(checked).toEqual({ ok: true, value: { name: 'Anna' } });
    expect(searchQuery({ name: 'Anna', address: undefined })).toEqual({ name: 'Anna' });
    expect(checkInput(personSearchArgs, { address: 'Storgatan 12' }).ok).toBe(true);
  });
});

import { ErrorCode } from '../errors';
import { isMinorOn } from './minor';
import { checkPowerOfAttorney } from './power-of-attorney-input';
import type { PowerOfAttorney } from './power-of-attorney.entity';
import { decidePower, type PowersOfAttorney } from './powers-of-attorney.service';
import { Representations } from './representations';

const catalogue = {
  departments: ['Bygglov', 'Förskola', 'Ekonomiskt bistånd'],
  isSecret: (d: string) => d === 'Ekonomiskt bistånd',
};

const power = (overrides: Partial<PowerOfAttorney> = {}): PowerOfAttorney => ({
  id: 'p1',
  principalPersonalNumber: '190001019801',
  agentPersonalNumber: '196408233234',
  departments: ['Bygglov'],
  validFrom: '2026-12-01',
  validTo: '2026-12-31',
  registeredBy: 'agent-karin',
  registeredAt: new Date('2026-12-01T09:00:00Z'),
  revokedBy: null,
  revokedAt: null,
  ...overrides,
});

describe('isMinorOn', () => {
  it.each([
    ['202402292383', '2026-12-05', true],
    ['200812059806', '2026-12-04', true], // the day before the 18th birthday
    ['200812059806', '2026-12-05', false], // the 18th birthday
    ['199001012385', '2026-12-05', false],
    ['201206759803', '2026-12-05', true], // coordination number: born 2012-06-15
    ['not a number', '2026-12-05', false],
  ])('%s on %s: %s', (pn, today, minor) => {
    expect(isMinorOn(pn, today)).toBe(minor);
  });
});

describe('decidePower', () => {
  it.each([
    [power(), 'Bygglov', '2026-12-01', { ok: true }],
    [power(), 'Bygglov', '2026-12-31', { ok: true }],
    [power(), 'Bygglov', '2026-11-30', { ok: false, code: 'POWER_NOT_YET_VALID' }],
    [power(), 'Bygglov', '2027-01-01', { ok: false, code: 'POWER_EXPIRED' }],
    [power({ validTo: null }), 'Bygglov', '2030-01-01', { ok: true }],
    [power(), 'Förskola', '2026-12-05', { ok: false, code: 'OUT_OF_SCOPE' }],
    [power({ departments: ['*'] }), 'Förskola', '2026-12-05', { ok: true }],
    [power({ departments: ['*'] }), 'Ekonomiskt bistånd', '2026-12-05', { ok: false, code: 'OUT_OF_SCOPE' }],
    [power({ departments: ['*', 'Ekonomiskt bistånd'] }), 'Ekonomiskt bistånd', '2026-12-05', { ok: true }],
    [
      power({ revokedAt: new Date('2026-12-02T10:00:00Z'), revokedBy: 'admin' }),
      'Bygglov',
      '2026-12-05',
      { ok: false, code: 'POWER_REVOKED' },
    ],
  ])('%#', (given, department, today, expected) => {
    expect(decidePower(given, department, today, catalogue)).toMatchObject(expected);
  });
});

describe('checkPowerOfAttorney', () => {
  const base = {
    principalPersonalNumber: '19000101-9801',
    agentPersonalNumber: '196408233234',
    validFrom: '2026-12-05',
  };

  it('normalises the numbers and keeps a secrecy department named beside "all open"', () => {
    expect(
      checkPowerOfAttorney(
        { ...base, allOpenDepartments: true, departments: ['Ekonomiskt bistånd', 'Bygglov'] },
        catalogue,
        '2026-12-05',
      ),
    ).toEqual({
      principalPersonalNumber: '190001019801',
      agentPersonalNumber: '196408233234',
      departments: ['*', 'Ekonomiskt bistånd'],
      validFrom: '2026-12-05',
      validTo: null,
    });
  });

  it.each([
    [{ ...base, departments: ['Bygglov'], extra: 1 }, /extra|Unrecognized/],
    [{ ...base, departments: [] }, /minst en förvaltning/],
    [{ ...base, departments: ['Bygglov'], validFrom: '2026-13-01' }, /validFrom/],
    [{ ...base, agentPersonalNumber: '19000101-9801', departments: ['Bygglov'] }, /samma person/],
  ])('refuses %#', (input, message) => {
    expect(() => checkPowerOfAttorney(input, catalogue, '2026-12-05')).toThrow(message);
    expect(() => checkPowerOfAttorney(input, catalogue, '2026-12-05')).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }),
    );
  });
});

describe('Representations', () => {
  const powers = (list: PowerOfAttorney[]) => ({ between: async () => list }) as unknown as PowersOfAttorney;
  const at = new Date('2026-12-05T10:00:00Z');

  it('gives a guardian the open departments and never a secrecy one', async () => {
    const decide = new Representations(powers([]), catalogue, async () => ({
      ok: true,
      guardians: ['199001012385'],
      children: [],
    }));
    const decisions = await decide.decide('199001012385', '202402292383', catalogue.departments, at);
    expect(decisions.get('Bygglov')).toEqual({ ok: true, basis: { kind: 'guardian' } });
    expect(decisions.get('Ekonomiskt bistånd')).toMatchObject({ ok: false, code: 'GUARDIAN_SECRECY' });
  });

  it('for a guardian identified on a call (staff answering): custody opens a secrecy department too, while the child is a minor', async () => {
    const decide = new Representations(powers([]), catalogue, async () => ({
      ok: true,
      guardians: ['199001012385'],
      children: [],
    }));
    expect(
      await decide.forIdentifiedCaller('199001012385', '202402292383', 'Ekonomiskt bistånd', at),
    ).toEqual({ ok: true, basis: { kind: 'guardian' } });
    expect(
      await decide.forIdentifiedCaller('196408233234', '202402292383', 'Ekonomiskt bistånd', at),
    ).toMatchObject({ ok: false, code: 'NOT_GUARDIAN' });
    const down = new Representations(powers([]), catalogue, async () => ({
      ok: false as const,
      reason: 'down',
    }));
    expect(
      await down.forIdentifiedCaller('199001012385', '202402292383', 'Ekonomiskt bistånd', at),
    ).toMatchObject({
      ok: false,
      code: 'REGISTER_UNAVAILABLE',
    });
  });

  it('for an ombud identified on a call: only a valid power naming the secrecy department', async () => {
    const decide = new Representations(
      powers([power({ id: 'all-open', departments: ['*'], validTo: null })]),
      catalogue,
      async () => ({ ok: true, guardians: [], children: [] }),
    );
    expect(
      await decide.forIdentifiedCaller('196408233234', '190001019801', 'Ekonomiskt bistånd', at),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    const named = new Representations(
      powers([power({ id: 'named', departments: ['Ekonomiskt bistånd'] })]),
      catalogue,
      async () => ({ ok: true, guardians: [], children: [] }),
    );
    expect(await named.forIdentifiedCaller('196408233234', '190001019801', 'Ekonomiskt bistånd', at)).toEqual(
      { ok: true, basis: { kind: 'power', powerId: 'named' } },
    );
  });

  it('confirms no custody when the register cannot answer, and never asks it about an adult', async () => {
    const custody = jest.fn(async () => ({ ok: false as const, reason: 'down' }));
    const decide = new Representations(powers([]), catalogue, custody);
    expect(await decide.representationOf('199001012385', '202402292383', 'Bygglov', at)).toMatchObject({
      ok: false,
      code: 'REGISTER_UNAVAILABLE',
    });
    expect(await decide.representationOf('199001012385', '190001019801', 'Bygglov', at)).toMatchObject({
      ok: false,
      code: 'NO_POWER',
    });
    expect(custody).toHaveBeenCalledTimes(1);
  });

  it('takes a power in scope over a refused one, and says the newest refusal otherwise', async () => {
    const decide = new Representations(
      powers([power({ id: 'old', departments: ['Förskola'] }), power({ id: 'p2', validTo: '2026-12-01' })]),
      catalogue,
      async () => ({ ok: true, guardians: [], children: [] }),
    );
    expect(await decide.representationOf('196408233234', '190001019801', 'Förskola', at)).toEqual({
      ok: true,
      basis: { kind: 'power', powerId: 'old' },
    });
    expect(await decide.representationOf('196408233234', '190001019801', 'Bygglov', at)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
  });
});

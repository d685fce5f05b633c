import {
  PROTECTED_TEXT,
  StatusState,
  blankWhereabouts,
  protectedPaths,
  statusItemInput,
  type StatusReader,
} from '@frontdoor/plugin-sdk';
import {
  chimneySweepAnswer,
  type ChimneySweepAnswer,
  type SweepInstallationAnswer,
} from './chimney-sweep-answer.schema';
import { protocolResultCatalogue } from './chimney-sweep.catalogues';
import { chimneySweepDetail, chimneySweepStatuses } from './chimney-sweep.mapping';
import { chimneySweepConfig, chimneySweepPlugin } from './chimney-sweep.plugin';

const TODAY = '2026-12-07';
const CITIZEN: StatusReader = { kind: 'citizen' };
const STAFF: StatusReader = { kind: 'staff' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };

function installation(overrides: Partial<SweepInstallationAnswer> = {}): SweepInstallationAnswer {
  return {
    installationId: 'E-1001-1',
    kind: 'INSERT',
    nextVisit: { kind: 'SWEEP', date: '2026-12-28' },
    lastProtocol: {
      protocolId: 'PR-88120',
      kind: 'INSPECTION',
      performedOn: '2026-10-28',
      result: 'REMARKS',
      remarks: [
        { code: 'ROOF_LADDER', text: 'Takstege saknas', fixBy: '2027-01-26' },
        { code: 'SOOT_DOOR', text: 'Sotlucka otät', fixBy: '2027-01-10' },
      ],
    },
    ...overrides,
  };
}

function answer(installations: SweepInstallationAnswer[] = [installation()]): ChimneySweepAnswer {
  return {
    personalNumber: '199001012385',
    properties: [
      {
        propertyId: 'P-1001',
        designation: 'Skellefteå Morö 4:12',
        address: { street: 'Storgatan 12', postalCode: '931 00', city: 'Skellefteå' },
        contractor: { name: 'Sot & Trygghet AB', phone: '0910-77 40 00' },
        installations,
        updatedAt: '2026-10-28T09:30:00.000Z',
      },
    ],
  };
}

describe('the protocol result catalogue', () => {
  it('maps every result, and an unknown one to UNKNOWN with its code', () => {
    expect(protocolResultCatalogue.lookup('NO_REMARKS').state).toBe(StatusState.COMPLETED);
    expect(protocolResultCatalogue.lookup('USAGE_BAN')).toMatchObject({
      state: StatusState.WAITING_FOR_CUSTOMER,
      label: 'Eldningsförbud',
    });
    expect(protocolResultCatalogue.lookup('SMOKY').label).toContain('SMOKY');
  });
});

describe('chimney-sweep statuses', () => {
  it('gives one valid status per fireplace: the result, the earliest fix-by date and the next visit', () => {
    const [status, ...rest] = chimneySweepStatuses(answer(), TODAY, STAFF);
    expect(rest).toEqual([]);
    expect(() => statusItemInput.parse(status)).not.toThrow();
    expect(status).toMatchObject({
      kind: 'chimney-sweep-installation',
      reference: 'E-1001-1',
      title: 'Sotning och brandskyddskontroll, braskamin',
      state: StatusState.WAITING_FOR_CUSTOMER,
      label: 'Anmärkning, åtgärd krävs',
      nextStep: 'Ska åtgärdas senast 2027-01-10; Sotning 2026-12-28',
    });
  });

  it('words the result for the owner, with whom to call to move the visit, and for a representative', () => {
    expect(chimneySweepStatuses(answer(), TODAY, CITIZEN)[0]).toMatchObject({
      label: 'Du behöver åtgärda en anmärkning',
      nextStep:
        'Åtgärda senast 2027-01-10; Sotning 2026-12-28; för att byta tid, ring Sot & Trygghet AB, 0910-77 40 00',
    });
    expect(chimneySweepStatuses(answer(), TODAY, REPRESENTATIVE)[0]!.label).toBe(
      'Anmärkning som ägaren behöver åtgärda',
    );
  });

  it('says a fireplace not yet visited is only registered, with its first visit', () => {
    const first = answer([
      installation({ lastProtocol: null, nextVisit: { kind: 'INSPECTION', date: '2026-12-21' } }),
    ]);
    expect(chimneySweepStatuses(first, TODAY, STAFF)[0]).toMatchObject({
      state: StatusState.RECEIVED,
      label: 'Inget protokoll ännu',
      nextStep: 'Brandskyddskontroll 2026-12-21',
    });
  });

  it('has no statuses and no detail for a person the register does not know', () => {
    expect(chimneySweepStatuses(null, TODAY)).toEqual([]);
    expect(chimneySweepDetail(null)).toBeNull();
  });

  it('blanks the property and the fireplace for a protected person, and keeps the contractor', () => {
    const blanked = blankWhereabouts(answer(), protectedPaths(chimneySweepPlugin.person!));
    const shown = JSON.stringify([
      chimneySweepStatuses(blanked, TODAY, CITIZEN),
      chimneySweepDetail(blanked),
    ]);
    expect(shown).not.toMatch(/Morö|Storgatan|E-1001-1|P-1001/);
    expect(chimneySweepDetail(blanked)!.properties[0]).toMatchObject({
      designation: PROTECTED_TEXT,
      contractorPhone: '0910-77 40 00',
    });
  });
});

describe('the chimney-sweep detail', () => {
  it('gives the fireplaces, the next visit and the last protocol with its remarks in Swedish', () => {
    expect(chimneySweepDetail(answer())!.properties[0]!.installations[0]).toEqual({
      installationId: 'E-1001-1',
      kindLabel: 'Braskamin',
      nextVisitLabel: 'Sotning',
      nextVisitOn: '2026-12-28',
      lastProtocol: expect.objectContaining({
        kindLabel: 'Brandskyddskontroll',
        resultLabel: 'Anmärkning, åtgärd krävs',
        remarks: [
          { code: 'ROOF_LADDER', text: 'Takstege saknas', fixBy: '2027-01-26' },
          { code: 'SOOT_DOOR', text: 'Sotlucka otät', fixBy: '2027-01-10' },
        ],
      }),
    });
  });

  it('refuses garbage', () => {
    expect(chimneySweepAnswer.safeParse({ properties: '§§§' }).success).toBe(false);
    expect(
      chimneySweepAnswer.safeParse(answer([installation({ nextVisit: { kind: 'SWEEP', date: 'snart' } })]))
        .success,
    ).toBe(false);
  });
});

describe('the chimney-sweep plugin', () => {
  it('has no configuration of its own, no actions, and is not a secrecy department', () => {
    expect(chimneySweepConfig.safeParse({}).success).toBe(true);
    expect(chimneySweepPlugin.secrecy).toBeUndefined();
    expect(chimneySweepPlugin.actions ?? []).toEqual([]);
    expect(chimneySweepPlugin.department).toBe('Sotning och brandskyddskontroll');
  });
});

import { AuditRecord, Party } from '@frontdoor/core';
import { buildingPermitsPlugin } from '@frontdoor/plugin-building-permits';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const loadModule = () => ({ plugin: buildingPermitsPlugin });

describe('building permits: by applicant and by case number', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      loadModule,
      plugins: {
        'building-permits': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'permits'),
        },
      },
    });
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const statusesOf = async (pn: string) =>
    (
      (
        await hub.graphql(
          `{ person(personalNumber: "${pn}") { statuses { reference label dueDate nextStep } } }`,
        )
      ).data as { person: { statuses: unknown[] } }
    ).person.statuses;

  it('shows a pending case with its statutory decision date, and one waiting for documents', async () => {
    expect(await statusesOf('199001012385')).toEqual([
      // Newest first: the request for documents is the latest change.
      {
        reference: 'BN 2026-000187',
        label: 'Komplettering behövs',
        dueDate: null,
        nextStep: 'Skicka in: situationsplan, fasadritningar',
      },
      {
        reference: 'BN 2026-000123',
        label: 'Under handläggning',
        dueDate: '2027-01-13',
        nextStep: 'Beslut senast 2027-01-13 (10 veckor från komplett ansökan)',
      },
    ]);
  });

  it('flags a case past its statutory decision date', async () => {
    expect(await statusesOf('196408233234')).toEqual([
      {
        reference: 'BN 2026-000045',
        label: 'Under handläggning (försenat)',
        dueDate: '2026-11-04',
        nextStep: 'Beslutet är försenat: skulle ha fattats senast 2026-11-04',
      },
    ]);
  });

  it('shows a decided case in its appeal period', async () => {
    expect(await statusesOf('190001019801')).toEqual([
      {
        reference: 'BN 2026-000078',
        label: 'Beslutat, överklagandetid pågår',
        dueDate: '2026-12-05',
        nextStep: 'Beslutet (beviljat) kan överklagas till och med 2026-12-05',
      },
    ]);
  });

  it('gives the typed detail with stages, officer and missing documents', async () => {
    const { data } = await hub.graphql(
      '{ person(personalNumber: "199001012385") { buildingPermits { caseNumber stage overdue statutoryDecisionDate caseOfficer { name } missingDocuments { name } } } }',
    );
    expect(data).toEqual({
      person: {
        buildingPermits: [
          {
            caseNumber: 'BN 2026-000123',
            stage: 'UNDER_REVIEW',
            overdue: false,
            statutoryDecisionDate: '2027-01-13',
            caseOfficer: { name: 'Karin Lund' },
            missingDocuments: [],
          },
          {
            caseNumber: 'BN 2026-000187',
            stage: 'RECEIVED',
            overdue: false,
            statutoryDecisionDate: null,
            caseOfficer: null,
            missingDocuments: [{ name: 'Situationsplan' }, { name: 'Fasadritningar' }],
          },
        ],
      },
    });
  });

  it('finds a case by its diarienummer, and audits the read for the applicant', async () => {
    const { data, errors, headers } = await hub.graphql(
      '{ buildingPermit(caseNumber: "bn 2026-000045") { caseNumber description overdue } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      buildingPermit: { caseNumber: 'BN 2026-000045', description: 'Inglasning av altan', overdue: true },
    });
    const party = await hub.dataSource
      .getRepository(Party)
      .findOneByOrFail({ personalNumber: '196408233234' });
    const row = await hub.dataSource
      .getRepository(AuditRecord)
      .findOneByOrFail({ partyId: party.id, requestId: headers.get('x-request-id')! });
    expect(row.plugins).toEqual(['building-permits']);
  });

  it('answers null for an unknown case number, and BAD_USER_INPUT for a malformed one', async () => {
    expect(
      (await hub.graphql('{ buildingPermit(caseNumber: "BN 2026-999999") { caseNumber } }')).data,
    ).toEqual({ buildingPermit: null });
    const { errors } = await hub.graphql('{ buildingPermit(caseNumber: "12345") { caseNumber } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseNumber' });
    expect(errors?.[0].message).toContain('BN 2026-000123');
  });

  it('does not let a citizen look cases up by number', async () => {
    const token = await hub.token('citizen', '196408233234');
    const { data, errors } = await hub.graphql(
      '{ buildingPermit(caseNumber: "BN 2026-000045") { caseNumber } }',
      {},
      { token },
    );
    expect(data).toEqual({ buildingPermit: null });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['error', 'SOURCE_UNAVAILABLE'],
    ['garbage', 'SOURCE_INVALID_RESPONSE'],
  ] as const)('reports %s from the permit system as %s', async (mode, code) => {
    await sandbox.setFault({ system: 'permits', mode });
    const { errors } = await hub.graphql('{ buildingPermit(caseNumber: "BN 2026-000045") { caseNumber } }');
    expect(errors?.[0].extensions).toEqual({ code, plugin: 'building-permits', department: 'Bygglov' });
  });
});

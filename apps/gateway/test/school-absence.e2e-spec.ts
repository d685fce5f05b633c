import { randomUUID } from 'node:crypto';
import { AuditRecord, Party } from '@frontdoor/core';
import { nextDay, stockholmDay } from '@frontdoor/plugin-school-absence';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385'; // guardian of Elsa (and of Tilde, who is two)
const ELSA = '201708142425'; // Anna's daughter, year 3 at Norrbyskolan
const BERTIL = '196408233234'; // nobody's guardian here

const OVERVIEW = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source kind reference title label nextStep }
  sources { plugin state }
} }`;
const REPORT = `mutation($key: String!, $input: PupilSickReportInput!) {
  reportPupilSick(idempotencyKey: $key, input: $input) {
    registered label absence { absenceId date partOfDay partOfDayLabel reportedByName }
  }
}`;

interface Status {
  source: string;
  kind: string;
  reference: string;
  title: string;
  label: string;
  nextStep: string | null;
}
type Receipt = {
  reportPupilSick: {
    registered: boolean;
    label: string;
    absence: {
      absenceId: string;
      date: string;
      partOfDay: string;
      partOfDayLabel: string;
      reportedByName: string;
    } | null;
  };
};

/**
 * Issue 26: Sjukanmälan elever (Grundskola – frånvaro). A guardian reports her child sick for
 * today or tomorrow, through the agent or herself on Mina ärenden; the hub checks custody in the
 * population register before the school system is asked, and audits both ways.
 */
describe('school absence (Sjukanmälan elever): a guardian reports her child sick', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'officer' | 'anna' | 'bertil', string>;
  // The action takes today or tomorrow by the real clock in Stockholm.
  const today = stockholmDay();
  const tomorrow = nextDay(today);
  const elsaSick = (overrides: Record<string, unknown> = {}) => ({
    pupilPersonalNumber: ELSA,
    guardianPersonalNumber: ANNA,
    date: today,
    partOfDay: 'FULL_DAY',
    ...overrides,
  });

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        'school-absence': { connection: sandboxConnection(sandbox, 'school') },
        parking: { connection: sandboxConnection(sandbox, 'parking') },
        // Custody, read on every decision (no cache): a register that is down confirms nobody.
        'population-register': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'register'),
        },
      },
      access: { mandates: { roles: { agent: { '*': 3 }, case_officer: { '*': 1 }, citizen: { '*': 1 } } } },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      officer: await hub.token('case_officer', 'officer-omar'),
      anna: await hub.token('citizen', ANNA, 'Anna Andersson'),
      bertil: await hub.token('citizen', BERTIL, 'Bertil Berg'),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (pn: string) => {
    const response = await hub.graphql<{
      person: { statuses: Status[]; sources: { plugin: string; state: string }[] };
    }>(OVERVIEW(pn), {}, { token: tokens.agent });
    return {
      errors: response.errors,
      statuses: response.data?.person.statuses.filter((s) => s.source === 'school-absence') ?? [],
      state: (plugin: string) => response.data?.person.sources.find((s) => s.plugin === plugin)?.state,
    };
  };
  const booked = async () =>
    (await (await fetch(`${sandbox.url}/school/admin/absences`)).json()) as {
      absenceId: string;
      pupilPersonalNumber: string;
      date: string;
      reportedBy: string;
    }[];
  const report = (input: Record<string, unknown>, who: keyof typeof tokens = 'agent', key = randomUUID()) =>
    hub.graphql<Receipt>(REPORT, { key, input }, { token: tokens[who] });
  const auditRowsOf = async (pn: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: pn });
    return hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party.id } });
  };

  it('shows the agent the absences the demo guardian reported, and the pupil’s own', async () => {
    const anna = await overview(ANNA);
    expect(anna.errors).toBeUndefined();
    expect(anna.statuses).toEqual([
      expect.objectContaining({
        kind: 'reported-absence',
        title: 'Sjukanmälan för Elsa 2026-11-19',
        label: 'Sjukanmälde Elsa 2026-11-19, heldag',
      }),
      expect.objectContaining({ kind: 'reported-absence', label: 'Sjukanmälde Elsa 2026-11-13, förmiddag' }),
    ]);
    const elsa = await overview(ELSA);
    expect(elsa.statuses[0]).toMatchObject({
      kind: 'pupil-absence',
      label: 'Sjukanmäld 2026-11-19, heldag',
      nextStep: expect.stringContaining('Anna Andersson, Norrbyskolan 3B'),
    });
  });

  it('books the agent’s report for the calling guardian once however often it is retried, audited on her behalf', async () => {
    const key = randomUUID();
    const before = (await booked()).length;
    const first = await report(elsaSick(), 'agent', key);
    const retry = await report(elsaSick(), 'agent', key);
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    const receipt = first.data!.reportPupilSick;
    expect(receipt).toEqual({
      registered: true,
      label: `Sjukanmälan är registrerad: ${today}, heldag (${receipt.absence!.absenceId}).`,
      absence: expect.objectContaining({
        date: today,
        partOfDay: 'FULL_DAY',
        reportedByName: 'Anna Andersson',
      }),
    });
    expect((await booked()).length).toBe(before + 1);
    // The next read asks the school again and shows the absence.
    expect((await overview(ELSA)).statuses.map((s) => s.reference)).toContain(receipt.absence!.absenceId);
    const rows = await auditRowsOf(ELSA);
    expect(
      rows.some(
        (r) =>
          r.actorRole === 'agent' &&
          r.representation === 'guardian' &&
          r.representativePn === ANNA &&
          r.fieldGroups.includes('reportPupilSick'),
      ),
    ).toBe(true);

    // Reported again under a new key: the school says why not, in Swedish.
    const again = await report(elsaSick({ partOfDay: 'MORNING' }));
    expect(again.data!.reportPupilSick).toEqual({
      registered: false,
      absence: null,
      label: 'Eleven är redan frånvaroanmäld den dagen.',
    });
  });

  it('lets the guardian herself report her child on Mina ärenden, audited "on behalf of"', async () => {
    const before = (await booked()).length;
    const mine = await report(elsaSick({ date: tomorrow, partOfDay: 'AFTERNOON' }), 'anna');
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.reportPupilSick).toMatchObject({
      registered: true,
      absence: { date: tomorrow, partOfDayLabel: 'eftermiddag' },
    });
    expect((await booked()).length).toBe(before + 1);
    const rows = await auditRowsOf(ELSA);
    expect(
      rows.some(
        (r) =>
          r.actorRole === 'citizen' &&
          r.actorSubject === ANNA &&
          r.representation === 'guardian' &&
          r.representativeName === 'Anna Andersson' &&
          r.refusal === null,
      ),
    ).toBe(true);
  });

  it('refuses a report by someone who is not the child’s guardian, books nothing and audits the refusal', async () => {
    const before = (await booked()).length;
    const byAgent = await report(elsaSick({ guardianPersonalNumber: BERTIL, date: tomorrow }));
    expect(byAgent.data).toBeNull();
    expect(byAgent.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GUARDIAN' });
    expect(byAgent.errors?.[0].message).toBe(
      'Den som anmäler är inte vårdnadshavare för barnet enligt folkbokföringen.',
    );
    const byCitizen = await report(elsaSick({ guardianPersonalNumber: BERTIL, date: tomorrow }), 'bertil');
    expect(byCitizen.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GUARDIAN' });
    expect(byCitizen.errors?.[0].message).toBe(
      'Du är inte vårdnadshavare för barnet enligt folkbokföringen.',
    );
    // A citizen reports in her own name only, never as another guardian.
    const asSomeoneElse = await report(elsaSick({ guardianPersonalNumber: ANNA, date: tomorrow }), 'bertil');
    expect(asSomeoneElse.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOURSELF' });
    expect((await booked()).length).toBe(before);
    const refusals = (await auditRowsOf(ELSA)).filter((r) => r.refusal !== null);
    expect(refusals.map((r) => r.refusal)).toEqual(
      expect.arrayContaining([
        'Den som anmäler är inte vårdnadshavare för barnet enligt folkbokföringen.',
        'Du är inte vårdnadshavare för barnet enligt folkbokföringen.',
        'Du kan bara göra detta i ditt eget namn.',
      ]),
    );
  });

  it('books nothing when custody cannot be confirmed (the register is down): fail closed', async () => {
    const before = (await booked()).length;
    await sandbox.setFault({ system: 'register', mode: 'error' });
    const refused = await report(elsaSick({ date: tomorrow, partOfDay: 'MORNING' }));
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'REGISTER_UNAVAILABLE',
    });
    expect(refused.errors?.[0].message).toContain('Folkbokföringen svarar inte');
    expect((await booked()).length).toBe(before);
  });

  it.each([
    [{ date: '2026-01-15' }, 'input.date', 'sjukanmälan görs för i dag'],
    [{ date: nextDay(tomorrow) }, 'input.date', `eller i morgon (${tomorrow})`],
    [{ date: 'imorgon' }, 'input.date', 'ÅÅÅÅ-MM-DD'],
    [{ partOfDay: 'LUNCH' }, 'input.partOfDay', 'välj FULL_DAY (heldag)'],
    [{ pupilPersonalNumber: '1608142426' }, 'input.pupilPersonalNumber', 'elevens personnummer'],
  ])('refuses bad input %#, naming the field in Swedish and booking nothing', async (change, field, text) => {
    const before = (await booked()).length;
    const refused = await report(elsaSick(change));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refused.errors?.[0].message).toContain(text);
    expect((await booked()).length).toBe(before);
  });

  it('refuses the report to staff below level 3, booking nothing', async () => {
    const refused = await report(elsaSick({ date: tomorrow }), 'officer');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/needs mandate level 3 in Grundskola – frånvaro/);
  });

  it.each(['error', 'garbage'] as const)(
    'answers partly and honestly when the school system gives %s: FAILED, never "no absences"',
    async (mode) => {
      await sandbox.setFault({ system: 'school', mode });
      const { statuses, errors, state } = await overview(ANNA);
      expect(statuses).toEqual([]);
      expect(state('school-absence')).toBe('FAILED');
      expect(errors?.some((e) => e.extensions?.plugin === 'school-absence')).toBe(true);
      expect(state('parking')).toBe('OK');
    },
  );

  it('books nothing when the school system is down, and says so', async () => {
    const before = (await booked()).length;
    await sandbox.setFault({ system: 'school', mode: 'error' });
    const refused = await report(elsaSick({ date: tomorrow, partOfDay: 'MORNING' }));
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      plugin: 'school-absence',
    });
    await sandbox.clearFaults();
    expect((await booked()).length).toBe(before);
  });
});

import { AuditRecord, Party } from '@frontdoor/core';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const DEPARTMENT = 'Försörjningsstöd';
const BERTIL = '196408233234'; // next month's application decided, paid out in a week (the sandbox)
const CECILIA = '200002292399'; // protected identity, an application waiting for documents
const ANNA = '199001012385'; // never applied

const OVERVIEW = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source kind reference title label nextStep }
  sources { plugin state }
} }`;
const APPLICATIONS = (pn: string) =>
  `{ person(personalNumber: "${pn}") { incomeSupport { caseFileNumber applications { applicationId period label outcome plannedPaymentDate missingDocuments { description } } } } }`;
const DECISIONS = (pn: string) =>
  `{ person(personalNumber: "${pn}") { incomeSupportDecisions { decisions { applicationId outcome decidedAmountSek } } } }`;

interface Overview {
  person: {
    statuses: Record<string, string | null>[];
    sources: { plugin: string; state: string }[];
  };
}

/**
 * Issue 24, items 1 and 4 (SDK 4.2): the income-support plugin as installed (loaded by its package
 * name, against the sandbox's system). Its department is closed until a four-eyes grant; then
 * the level decides: at 1 the reader does not learn that the person has an application at all,
 * at 2 the status and the applications without amounts, at 4 the decided amount.
 */
describe('income support: a status kind, and each detail field, at its own level', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'officer' | 'manager' | 'adam' | 'bea' | 'bertil', string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        'income-support': { connection: sandboxConnection(sandbox, 'income-support') },
        'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
        'population-register': { connection: sandboxConnection(sandbox, 'register') },
      },
      // Levels are this file's subject: the caller's identification (decision 0076) is another's.
      access: { identification: { requiredFor: { roles: [], answerGroups: [] } } },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      officer: await hub.token('case_officer', 'officer-karin'),
      manager: await hub.token('manager', 'manager-maria'),
      adam: await hub.token('admin', 'admin-adam'),
      bea: await hub.token('admin', 'admin-bea'),
      bertil: await hub.token('citizen', BERTIL),
    };
    // Four-eyes: Adam asks, Bea approves. Officers 1, agents 2, managers 4.
    for (const [role, level] of [
      ['case_officer', 1],
      ['agent', 2],
      ['manager', 4],
    ] as const) {
      const target = `{ targetKind: ROLE, targetKey: "${role}", department: "${DEPARTMENT}" }`;
      const asked = await hub.graphql(
        `mutation { grantMandate(target: ${target}, level: ${level}) { effective } }`,
        {},
        { token: tokens.adam },
      );
      expect(asked.errors).toBeUndefined();
      const approved = await hub.graphql(
        `mutation { approveMandateGrant(target: ${target}, level: ${level}) { effective } }`,
        {},
        { token: tokens.bea },
      );
      expect(approved.data).toEqual({ approveMandateGrant: { effective: level } });
    }
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (token: string, pn = BERTIL) => {
    const response = await hub.graphql<Overview>(OVERVIEW(pn), {}, { token });
    expect(response.errors).toBeUndefined();
    return {
      items: response.data!.person.statuses.filter((s) => s.source === 'income-support'),
      source: response.data!.person.sources.find((s) => s.plugin === 'income-support'),
      others: response.data!.person.statuses.filter((s) => s.source !== 'income-support').length,
    };
  };

  it('leaves the application out for a reader at level 1: the department answered, and nothing says he receives it', async () => {
    const seen = await overview(tokens.officer);
    expect(seen.items).toEqual([]);
    // The department is open to him and answered; for Bertil exactly as for Anna, who never applied.
    expect(seen.source).toEqual({ plugin: 'income-support', state: 'OK' });
    expect(await overview(tokens.officer, ANNA)).toMatchObject({ items: [], source: seen.source });
    // The rest of his overview is there.
    expect(seen.others).toBeGreaterThan(0);
  });

  it('shows it at level 2, worded for staff, with the payment date and never the amount', async () => {
    const response = await hub.graphql<Overview>(OVERVIEW(BERTIL), {}, { token: tokens.agent });
    expect(response.errors).toBeUndefined();
    expect(response.data!.person.statuses.filter((s) => s.source === 'income-support')).toEqual([
      {
        source: 'income-support',
        kind: 'income-support-application',
        reference: 'FB-2026-12-0457',
        title: 'Försörjningsstöd december 2026',
        label: 'Beslutad: beviljad',
        nextStep: 'Utbetalning planerad 2026-12-01',
      },
      {
        source: 'income-support',
        kind: 'income-support-application',
        reference: 'FB-2026-11-0457',
        title: 'Försörjningsstöd november 2026',
        label: 'Utbetald',
        nextStep: 'Utbetald 2026-10-31',
      },
    ]);
    expect(JSON.stringify(response.data)).not.toMatch(/7230|7 230|6815|6 815/);
  });

  it('never hands a level-2 reader’s mapped view, kept in memory, to a level-1 reader, in either order', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await overview(tokens.agent)).items).toHaveLength(2);
      expect((await overview(tokens.officer)).items).toEqual([]);
    }
    expect((await overview(tokens.officer)).items).toEqual([]);
    expect((await overview(tokens.agent)).items).toHaveLength(2);
  });

  it('tells Bertil himself, on his own page, in his words: secrecy does not hold against him', async () => {
    const response = await hub.graphql<{ me: { person: { statuses: Record<string, string>[] } } }>(
      '{ me { person { statuses { source title label } } } }',
      {},
      { token: tokens.bertil },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.me.person.statuses.filter((s) => s.source === 'income-support')).toEqual([
      {
        source: 'income-support',
        title: 'Din ansökan om försörjningsstöd för december',
        label: 'Din ansökan för december är beviljad. Pengarna sätts in 2026-12-01.',
      },
      {
        source: 'income-support',
        title: 'Din ansökan om försörjningsstöd för november',
        label: 'Pengarna för november sattes in 2026-10-31.',
      },
    ]);
  });

  it('refuses each detail field below its own level, naming it, and serves it at its level', async () => {
    const officer = await hub.graphql(APPLICATIONS(BERTIL), {}, { token: tokens.officer });
    expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(officer.errors?.[0].message).toBe(
      'Person.incomeSupport needs mandate level 2 in Försörjningsstöd; the case_officer role here has level 1.',
    );

    const agent = await hub.graphql(APPLICATIONS(BERTIL), {}, { token: tokens.agent });
    expect(agent.errors).toBeUndefined();
    expect(agent.data).toEqual({
      person: {
        incomeSupport: {
          caseFileNumber: 'SOC-EB-2019-0457',
          applications: [
            {
              applicationId: 'FB-2026-12-0457',
              period: '2026-12',
              label: 'Beslutad',
              outcome: 'beviljad',
              plannedPaymentDate: '2026-12-01',
              missingDocuments: [],
            },
            {
              applicationId: 'FB-2026-11-0457',
              period: '2026-11',
              label: 'Utbetald',
              outcome: 'delvis beviljad',
              plannedPaymentDate: '2026-10-31',
              missingDocuments: [],
            },
          ],
        },
      },
    });
    const amountForAgent = await hub.graphql(DECISIONS(BERTIL), {}, { token: tokens.agent });
    expect(amountForAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(amountForAgent.errors?.[0].message).toBe(
      'Person.incomeSupportDecisions needs mandate level 4 in Försörjningsstöd; the agent role here has level 2.',
    );
    expect(amountForAgent.data?.person).toEqual({ incomeSupportDecisions: null });

    const manager = await hub.graphql(DECISIONS(BERTIL), {}, { token: tokens.manager });
    expect(manager.errors).toBeUndefined();
    expect(manager.data).toEqual({
      person: {
        incomeSupportDecisions: {
          decisions: [
            { applicationId: 'FB-2026-12-0457', outcome: 'beviljad', decidedAmountSek: 7230 },
            { applicationId: 'FB-2026-11-0457', outcome: 'delvis beviljad', decidedAmountSek: 6815 },
          ],
        },
      },
    });
  });

  it('audits each detail field read under its own name, and no field it refused', async () => {
    const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber: BERTIL });
    const rows = await hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party!.id } });
    const read = (subject: string, field: string) =>
      rows.some((row) => row.actorSubject === subject && row.fieldGroups.includes(field));
    expect(read('manager-maria', 'incomeSupportDecisions')).toBe(true);
    expect(read('agent-anna', 'incomeSupport')).toBe(true);
    expect(read('agent-anna', 'incomeSupportDecisions')).toBe(false);
    expect(read('officer-karin', 'incomeSupport')).toBe(false);
  });

  it('withholds a protected person’s whole matter from an uncleared reader at level 2 and 4', async () => {
    for (const token of [tokens.agent, tokens.manager]) {
      const seen = await overview(token, CECILIA);
      expect(seen.items).toEqual([]);
      expect(seen.source).toEqual({ plugin: 'income-support', state: 'WITHHELD' });
      const detail = await hub.graphql(APPLICATIONS(CECILIA), {}, { token });
      expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  // People nobody read before: a recent cached answer would be served instead (and marked STALE).
  it.each([
    ['error', '191401682396', 'SOURCE_UNAVAILABLE'],
    ['garbage', '190001019801', 'SOURCE_INVALID_RESPONSE'],
  ] as const)(
    'reports the system failing (%s) as FAILED with its code, never as "no application"',
    async (mode, pn, code) => {
      await sandbox.setFault({ system: 'income-support', mode });
      const response = await hub.graphql<Overview>(OVERVIEW(pn), {}, { token: tokens.agent });
      expect(response.data!.person.sources.find((s) => s.plugin === 'income-support')!.state).toBe('FAILED');
      expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.plugin])).toContainEqual([
        code,
        'income-support',
      ]);
      const detail = await hub.graphql(APPLICATIONS(pn), {}, { token: tokens.agent });
      expect(detail.data?.person).toEqual({ incomeSupport: null });
      expect(detail.errors?.[0].extensions?.code).toBe(code);
    },
  );
});

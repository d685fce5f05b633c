import { AuditRecord, Party } from '@frontdoor/core';
import { CallNotifier } from '@frontdoor/gateway';
import {
  DEMO_CASE_SETUP,
  INCOME_SUPPORT_FIXTURE,
  incomeSupportFixturePlugin,
  incomeSupportFixtureSettings,
  openIncomeSupportFixtureToAgents,
  TestClock,
  postCallEvent,
  sandboxBankIdConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const PLUGIN = INCOME_SUPPORT_FIXTURE.id;
const ANNA = '199001012385';
const BERTIL = '196408233234';
const NOT_IDENTIFIED = 'Sekretess: identifiera den som ringer med BankID först.';

const PERSON = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source }
  sources { plugin state reason }
} }`;
const DETAIL = (pn: string) => `{ person(personalNumber: "${pn}") { incomeSupportFixture { paymentDate } } }`;
const FIELDS =
  'id state method message hintCode failure identifiedName identifiedPersonalNumber callId validUntil';

interface Identification {
  id: string;
  state: string;
  method: string;
  message: string;
  hintCode: string | null;
  failure: string | null;
  identifiedName: string | null;
  identifiedPersonalNumber: string | null;
  callId: string | null;
  validUntil: string | null;
}

/** A hub reading a secrecy department, with an approved grant for agents and BankID configured. */
async function startSecrecyHub(
  sandbox: SandboxHandle,
  clock: TestClock,
  bankId: Record<string, unknown>,
  /** A second gateway on the first one's database: its env (the grants are already there). */
  sharing?: Record<string, string>,
) {
  const hub = await startHub({
    ...(sharing ? { env: sharing } : {}),
    sandbox,
    clock,
    plugins: { [PLUGIN]: incomeSupportFixtureSettings(sandbox) },
    loadModule: () => ({ plugin: incomeSupportFixturePlugin }),
    auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
    cases: DEMO_CASE_SETUP,
    access: {
      identification: {
        exceptionReasons: [{ key: 'no-bankid', label: 'Personen saknar BankID; identifierad på annat sätt' }],
      },
    },
    bankId: { ...bankId, timeoutMs: 2000 },
  });
  if (!sharing) await openIncomeSupportFixtureToAgents(hub);
  return hub;
}

/**
 * Issue 24, item 2 (decision 0076): the agent identifies the caller with BankID's phone
 * authentication against the sandbox's RP API over mutual TLS; a secrecy department opens to
 * that agent, for that person, only while the identification holds.
 */
describe('the caller identified with BankID opens a secrecy department to the agent who identified them', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  const clock = new TestClock();
  let agent: string;
  let colleague: string;
  let platform: string;
  let calls = 0;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startSecrecyHub(sandbox, clock, sandboxBankIdConnection(sandbox));
    agent = await hub.token('agent', 'agent-alva', 'Alva Agent');
    colleague = await hub.token('agent', 'agent-bo');
    platform = await hub.token('service', 'telephony-platform');
  });
  afterAll(async () => {
    await hub?.app.get(CallNotifier).idle();
    await hub?.close();
    await sandbox?.close();
  });
  afterEach(() => sandbox.clearFaults());

  const overview = async (pn: string, token = agent) => {
    const response = await hub.graphql<{
      person: {
        statuses: { source: string }[];
        sources: { plugin: string; state: string; reason: string | null }[];
      };
    }>(PERSON(pn), {}, { token });
    expect(response.errors).toBeUndefined();
    const source = response.data!.person.sources.find((s) => s.plugin === PLUGIN)!;
    return {
      listed: response.data!.person.statuses.some((s) => s.source === PLUGIN),
      state: source.state,
      reason: source.reason,
    };
  };
  const CLOSED = { listed: false, state: 'WITHHELD', reason: NOT_IDENTIFIED };
  const OPEN = { listed: true, state: 'OK', reason: null };

  const identification = async (mutation: string, args: Record<string, unknown>, token = agent) => {
    const params = Object.entries(args)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(', ');
    const response = await hub.graphql<Record<string, Identification>>(
      `mutation { result: ${mutation}(${params}) { ${FIELDS} } }`,
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.result!;
  };
  const start = (pn: string, extra: Record<string, unknown> = {}, token = agent) =>
    identification('startCallerIdentification', { personalNumber: pn, ...extra }, token);
  const collect = (id: string, token = agent) => identification('collectCallerIdentification', { id }, token);
  const orderOf = async (pn: string) =>
    (await sandbox.bankId.orders()).filter((o) => o.personalNumber === pn).at(-1)!;

  const auditGroups = async (pn: string, subject: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: pn });
    const rows = await hub.dataSource
      .getRepository(AuditRecord)
      .find({ where: { partyId: party.id, actorSubject: subject }, order: { occurredAt: 'ASC' } });
    return rows.flatMap((r) => r.fieldGroups.map((g) => ({ group: g, plugins: r.plugins })));
  };

  const answeredCall = async (agentId: string) => {
    const callId = `bankid-call-${++calls}`;
    const common = { callId, queue: 'kundtjanst', from: '070-123 45 67', to: '0920-45 30 00' };
    const at = (s: number) => new Date(clock.now() - 60_000 + s * 1000).toISOString();
    expect((await postCallEvent(hub.url, platform, { ...common, event: 'OFFERED', at: at(0) })).status).toBe(
      200,
    );
    expect(
      (await postCallEvent(hub.url, platform, { ...common, event: 'ANSWERED', at: at(10), agentId })).status,
    ).toBe(200);
    return {
      callId,
      end: async () =>
        expect(
          (await postCallEvent(hub.url, platform, { ...common, event: 'ENDED', at: at(50) })).status,
        ).toBe(200),
    };
  };

  it('withholds the secrecy department before the caller is identified, asks it nothing, and audits the refusal', async () => {
    expect(await overview(ANNA)).toEqual(CLOSED);
    const detail = await hub.graphql(DETAIL(ANNA), {}, { token: agent });
    expect(detail.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(detail.errors?.[0].message).toContain(NOT_IDENTIFIED);
    const audit = await auditGroups(ANNA, 'agent-alva');
    expect(audit).toContainEqual({ group: 'callerNotIdentified', plugins: [] });
    // Never asked: no audit row names the department's plugin as read.
    expect(audit.some((row) => row.plugins.includes(PLUGIN))).toBe(false);
  });

  it('identifies the caller: pending with the hints in Swedish, complete with BankID’s user, then the department opens to this agent only', async () => {
    const started = await start(ANNA);
    expect(started).toMatchObject({
      state: 'PENDING',
      method: 'bankid-phone',
      hintCode: 'outstandingTransaction',
    });
    expect(started.message).toContain('BankID-appen');
    const order = await orderOf(ANNA);
    expect(order).toMatchObject({ status: 'pending' });

    await sandbox.bankId.caller(order.orderRef, 'hint', { hintCode: 'userCallConfirm' });
    const confirming = await collect(started.id);
    expect(confirming).toMatchObject({ state: 'PENDING', hintCode: 'userCallConfirm' });
    expect(confirming.message).toContain('bekräfta i appen');
    expect(await overview(ANNA)).toEqual(CLOSED);

    await sandbox.bankId.caller(order.orderRef, 'approve');
    const done = await collect(started.id);
    expect(done).toMatchObject({
      state: 'COMPLETE',
      identifiedName: 'Anna Andersson',
      identifiedPersonalNumber: ANNA,
      failure: null,
    });
    expect(done.message).toMatch(/^Identifierad med BankID \d\d:\d\d: Anna Andersson$/);
    // Without a call it holds 15 minutes (access.identification.withoutCallMinutes).
    expect(Date.parse(done.validUntil!) - clock.now()).toBe(15 * 60_000);

    expect(await overview(ANNA)).toEqual(OPEN);
    expect((await hub.graphql(DETAIL(ANNA), {}, { token: agent })).data).toEqual({
      person: { incomeSupportFixture: { paymentDate: '2026-12-23' } },
    });
    // A colleague did not identify anyone, and Anna's identification says nothing about Bertil.
    expect(await overview(ANNA, colleague)).toEqual(CLOSED);
    expect(await overview(BERTIL)).toEqual(CLOSED);
    // A later poll changes nothing and audits nothing twice.
    expect(await collect(started.id)).toMatchObject({ state: 'COMPLETE' });
    const audit = (await auditGroups(ANNA, 'agent-alva')).map((a) => a.group);
    expect(audit.filter((g) => g === 'callerIdentification:bankid-phone:complete')).toHaveLength(1);
    expect(audit).toContain('callerIdentification:bankid-phone:started');
    // Only the agent who started it may follow it.
    const foreign = await hub.graphql(
      `mutation { collectCallerIdentification(id: "${started.id}") { state } }`,
      {},
      { token: colleague },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    clock.advance(15 * 60_000 + 1000);
    expect(await overview(ANNA)).toEqual(CLOSED);
  });

  it('ties an identification to the call it was made on: it holds until the call ends, and is noted on the call’s case', async () => {
    const call = await answeredCall('agent-alva');
    const registered = await hub.graphql<{ registerContact: { id: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "fakturor", personalNumber: "${BERTIL}", summary: "Fråga om ekonomiskt bistånd", callId: "${call.callId}" }) { id } }`,
      {},
      { token: agent },
    );
    expect(registered.errors).toBeUndefined();
    const caseId = registered.data!.registerContact.id;
    const started = await start(BERTIL, { callId: call.callId });
    await sandbox.bankId.caller((await orderOf(BERTIL)).orderRef, 'approve');
    expect(await collect(started.id)).toMatchObject({ state: 'COMPLETE', callId: call.callId });
    expect(await overview(BERTIL)).toEqual(OPEN);
    {
      const events = await hub.graphql<{ case: { events: { message: string | null }[] } }>(
        `{ case(id: "${caseId}") { events { message } } }`,
        {},
        { token: agent },
      );
      expect(events.data?.case.events.map((e) => e.message)).toContainEqual(
        expect.stringContaining(`Identifierad med BankID (bankid-phone): Bertil Berg, ${BERTIL}`),
      );
    }
    await call.end();
    expect(await overview(BERTIL)).toEqual(CLOSED);
  });

  it.each([
    ['declines the call in the app', 'decline', undefined, 'userDeclinedCall', 'inte talar med kommunen'],
    [
      'lets the order expire',
      'fail',
      { hintCode: 'expiredTransaction' },
      'expiredTransaction',
      'för lång tid',
    ],
    ['cancels in the app', 'fail', { hintCode: 'userCancel' }, 'userCancel', 'avbröt identifieringen'],
    ['has a revoked BankID', 'fail', { hintCode: 'certificateErr' }, 'certificateErr', 'spärrat'],
    ['is someone else (mismatch)', 'approve', { personalNumber: BERTIL }, 'mismatch', 'en annan person'],
  ] as const)(
    'unlocks nothing when the caller %s, says so in Swedish, and audits it',
    async (_what, action, body, failure, text) => {
      const started = await start(ANNA);
      await sandbox.bankId.caller((await orderOf(ANNA)).orderRef, action, body);
      const failed = await collect(started.id);
      expect(failed).toMatchObject({ state: 'FAILED', failure });
      expect(failed.message).toContain(text);
      expect(await overview(ANNA)).toEqual(CLOSED);
      const audit = (await auditGroups(ANNA, 'agent-alva')).map((a) => a.group);
      expect(audit).toContain(`callerIdentification:bankid-phone:refused:${failure}`);
    },
  );

  it('cancels: BankID’s order is cancelled too, and nothing opens', async () => {
    const started = await start(ANNA);
    const cancelled = await identification('cancelCallerIdentification', { id: started.id });
    expect(cancelled).toMatchObject({ state: 'CANCELLED', message: 'Identifieringen avbröts.' });
    expect(await orderOf(ANNA)).toMatchObject({ status: 'failed', hintCode: 'cancelled' });
    expect(await overview(ANNA)).toEqual(CLOSED);
  });

  it('stays closed when BankID is down or answers garbage, saying so in Swedish', async () => {
    await sandbox.setFault({ system: 'bankid', mode: 'error' });
    const down = await start(ANNA);
    expect(down).toMatchObject({ state: 'FAILED', failure: 'bankid-unavailable' });
    expect(down.message).toContain('BankID svarar inte just nu');
    await sandbox.clearFaults();

    const started = await start(ANNA);
    await sandbox.setFault({ system: 'bankid', mode: 'garbage' });
    const garbage = await collect(started.id);
    expect(garbage).toMatchObject({ state: 'FAILED', failure: 'invalid-answer' });
    expect(garbage.message).toContain('inte gick att tolka');
    await sandbox.clearFaults();
    // The order BankID still holds is approved later: the hub already refused it, nothing opens.
    await sandbox.bankId.caller((await orderOf(ANNA)).orderRef, 'approve').catch(() => undefined);
    expect(await collect(started.id)).toMatchObject({ state: 'FAILED' });

    await sandbox.setFault({ system: 'bankid', mode: 'hang' });
    const hung = await start(ANNA);
    expect(hung).toMatchObject({ state: 'FAILED', failure: 'bankid-unavailable' });
    expect(await overview(ANNA)).toEqual(CLOSED);
  });

  it('refuses bad input: an invalid personal number, an unknown call, an exception the configuration does not allow', async () => {
    const bad = await hub.graphql(
      `mutation { startCallerIdentification(personalNumber: "12345") { id } }`,
      {},
      {
        token: agent,
      },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noCall = await hub.graphql(
      `mutation { startCallerIdentification(personalNumber: "${ANNA}", callId: "no-such-call") { id } }`,
      {},
      { token: agent },
    );
    expect(noCall.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const exception = await hub.graphql(
      `mutation { recordIdentificationException(personalNumber: "${ANNA}", reason: "known-voice") { id } }`,
      {},
      { token: agent },
    );
    expect(exception.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await overview(ANNA)).toEqual(CLOSED);
  });

  it('records an exception the configuration allows, with its reason: it opens like an identification, and is audited', async () => {
    const reasons = await hub.graphql<{ identificationExceptionReasons: { key: string }[] }>(
      '{ identificationExceptionReasons { key label } }',
      {},
      { token: agent },
    );
    expect(reasons.data!.identificationExceptionReasons.map((r) => r.key)).toEqual(['no-bankid']);
    const exception = await identification('recordIdentificationException', {
      personalNumber: BERTIL,
      reason: 'no-bankid',
      note: 'Kontrollfrågor om ärendet besvarade',
    });
    expect(exception).toMatchObject({ state: 'COMPLETE', method: 'exception' });
    expect(exception.message).toContain('Undantag från identifiering');
    expect(await overview(BERTIL)).toEqual(OPEN);
    expect(await overview(BERTIL, colleague)).toEqual(CLOSED);
    const audit = (await auditGroups(BERTIL, 'agent-alva')).map((a) => a.group);
    expect(audit).toContain('callerIdentification:exception:complete');
  });

  it('lets the citizen read their own matter there: their e-ID session identified them', async () => {
    const citizen = await hub.token('citizen', ANNA);
    const response = await hub.graphql<{ me: unknown }>(
      `{ person(personalNumber: "${ANNA}") { sources { plugin state } } }`,
      {},
      { token: citizen },
    );
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response.data)).toContain(`"plugin":"${PLUGIN}","state":"OK"`);
  });
});

describe('BankID’s mutual TLS from the hub', () => {
  it('fails closed when the hub’s client certificate is not one BankID’s CA signed', async () => {
    const sandbox = await startSandbox();
    const other = await startSandbox();
    const clock = new TestClock();
    // The right server and CA, but another installation's RP certificate: refused at TLS.
    const hub = await startSecrecyHub(sandbox, clock, {
      ...sandboxBankIdConnection(sandbox),
      clientCertFile: sandboxBankIdConnection(other).clientCertFile,
      clientKeyFile: sandboxBankIdConnection(other).clientKeyFile,
    });
    try {
      const response = await hub.graphql<{ startCallerIdentification: { state: string; failure: string } }>(
        `mutation { startCallerIdentification(personalNumber: "${ANNA}") { state failure } }`,
        {},
        { token: await hub.token('agent', 'agent-alva') },
      );
      expect(response.data?.startCallerIdentification).toEqual({
        state: 'FAILED',
        failure: 'bankid-unavailable',
      });
      expect(await sandbox.bankId.orders()).toEqual([]);
    } finally {
      await hub.close();
      await other.close();
      await sandbox.close();
    }
  });
});

describe('two gateways share one identification (the state is in the database)', () => {
  it('starts on one, completes on the other, is finished and audited once however many polls race, and opens on both', async () => {
    const sandbox = await startSandbox();
    const clock = new TestClock();
    const a = await startSecrecyHub(sandbox, clock, sandboxBankIdConnection(sandbox));
    const b = await startSecrecyHub(sandbox, clock, sandboxBankIdConnection(sandbox), a.databaseEnv);
    try {
      const [onA, onB] = [await a.token('agent', 'agent-alva'), await b.token('agent', 'agent-alva')];
      const started = await a.graphql<{ startCallerIdentification: { id: string } }>(
        `mutation { startCallerIdentification(personalNumber: "${ANNA}") { id } }`,
        {},
        { token: onA },
      );
      const id = started.data!.startCallerIdentification.id;
      const order = (await sandbox.bankId.orders()).at(-1)!;
      await sandbox.bankId.caller(order.orderRef, 'approve');
      const collect = (hub: TestHub, token: string) =>
        hub.graphql<{ collectCallerIdentification: { state: string } }>(
          `mutation { collectCallerIdentification(id: "${id}") { state } }`,
          {},
          { token },
        );
      const polls = await Promise.all([collect(b, onB), collect(a, onA), collect(b, onB)]);
      expect(polls.map((p) => p.data?.collectCallerIdentification.state)).toEqual([
        'COMPLETE',
        'COMPLETE',
        'COMPLETE',
      ]);
      const completions = (await a.dataSource.getRepository(AuditRecord).find()).filter((r) =>
        r.fieldGroups.includes('callerIdentification:bankid-phone:complete'),
      );
      expect(completions).toHaveLength(1);
      for (const [hub, token] of [
        [a, onA],
        [b, onB],
      ] as const) {
        const read = await hub.graphql<{ person: { sources: { plugin: string; state: string }[] } }>(
          PERSON(ANNA),
          {},
          { token },
        );
        expect(read.data!.person.sources.find((s) => s.plugin === PLUGIN)!.state).toBe('OK');
      }
    } finally {
      await b.close();
      await a.close();
      await sandbox.close();
    }
  });
});

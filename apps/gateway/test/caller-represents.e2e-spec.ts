import { randomUUID } from 'node:crypto';
import { AuditRecord, Party, PowerOfAttorney } from '@frontdoor/core';
import * as populationRegister from '@frontdoor/plugin-population-register';
import { CallNotifier } from '@frontdoor/gateway';
import {
  INCOME_SUPPORT_FIXTURE,
  incomeSupportFixturePlugin,
  incomeSupportFixtureSettings,
  openIncomeSupportFixtureToAgents,
  postCallEvent,
  sandboxBankIdConnection,
  sandboxConnection,
  startHub,
  startSandbox,
  TestClock,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const PLUGIN = INCOME_SUPPORT_FIXTURE.id;
const DEPARTMENT = INCOME_SUPPORT_FIXTURE.department;
const ANNA = '199001012385'; // guardian of Tilde
const TILDE = '202402292383'; // minor, Anna's child
const BERTIL = '196408233234'; // not Tilde's guardian; Olga's ombud in these tests
const OLGA = '190001019801'; // adult principal
const NOT_IDENTIFIED = 'Sekretess: identifiera den som ringer med BankID först.';
const NOT_REPRESENTING = 'Sekretess: den som ringer är identifierad men företräder inte personen här.';
const TODAY = '2026-11-24'; // the TestClock's day

const MODULES: Record<string, unknown> = {
  '@frontdoor/plugin-population-register': populationRegister,
  [`@frontdoor/plugin-${PLUGIN}`]: { plugin: incomeSupportFixturePlugin },
};

const OVERVIEW = `query ($pn: String!) { person(personalNumber: $pn) {
  statuses { source }
  sources { plugin state reason }
} }`;
const DETAIL = `query ($pn: String!) { person(personalNumber: $pn) { incomeSupportFixture { paymentDate } } }`;

/**
 * Decision 0089 (issue 24, items 2 and 3): the agent identifies the caller with BankID; the caller
 * is a guardian or an ombud, and asks about the child or the principal. A secrecy department
 * opens to that agent when the identified caller has custody of the minor now, or a valid power
 * of attorney naming the department; the reads are audited as on the caller's behalf. Anything
 * else keeps it closed, with the reason when the caller is a representative but not here or now.
 */
describe('a caller identified as a guardian or an ombud hears the matters of those they represent', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  const clock = new TestClock();
  let platform: string;
  let calls = 0;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      clock,
      plugins: {
        [PLUGIN]: incomeSupportFixtureSettings(sandbox),
        // No cache: the register down is seen at once, custody read anew on every decision.
        'population-register': {
          connection: sandboxConnection(sandbox, 'register'),
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
        },
      },
      loadModule: (specifier) => MODULES[specifier],
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
      // Cleared for protected identity: the register down then withholds for custody, not protection.
      access: { protectedIdentity: { clearedRoles: ['agent'] } },
      bankId: { ...sandboxBankIdConnection(sandbox), timeoutMs: 2000 },
    });
    await openIncomeSupportFixtureToAgents(hub);
    platform = await hub.token('service', 'telephony-platform');
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.app.get(CallNotifier).idle();
    await hub?.close();
    await sandbox?.close();
  });

  const agentToken = (subject: string) => hub.token('agent', subject);

  /** `registerDown`: the register's own failure is reported beside the answer, and nothing else. */
  const overview = async (token: string, pn: string, registerDown = false) => {
    const response = await hub.graphql<{
      person: {
        statuses: { source: string }[];
        sources: { plugin: string; state: string; reason: string | null }[];
      };
    }>(OVERVIEW, { pn }, { token });
    if (registerDown)
      expect(response.errors?.map((e) => e.extensions?.plugin)).toEqual(['population-register']);
    else expect(response.errors).toBeUndefined();
    const source = response.data!.person.sources.find((s) => s.plugin === PLUGIN)!;
    return {
      listed: response.data!.person.statuses.some((s) => s.source === PLUGIN),
      state: source.state,
      reason: source.reason,
    };
  };
  const OPEN = { listed: true, state: 'OK', reason: null };
  const CLOSED = { listed: false, state: 'WITHHELD', reason: NOT_IDENTIFIED };
  const closedBecause = (reason: string) => ({
    listed: false,
    state: 'WITHHELD',
    reason: `${NOT_REPRESENTING} ${reason}`,
  });

  /** An answered call to the agent, and the caller identified on it with BankID as `pn`. */
  const identifyOnCall = async (token: string, agentId: string, pn: string) => {
    const callId = `represents-call-${++calls}`;
    const common = { callId, queue: 'kundtjanst', from: '070-123 45 67', to: '0920-45 30 00' };
    const at = (s: number) => new Date(clock.now() - 60_000 + s * 1000).toISOString();
    expect((await postCallEvent(hub.url, platform, { ...common, event: 'OFFERED', at: at(0) })).status).toBe(
      200,
    );
    expect(
      (await postCallEvent(hub.url, platform, { ...common, event: 'ANSWERED', at: at(10), agentId })).status,
    ).toBe(200);
    const started = await hub.graphql<{ s: { id: string } }>(
      `mutation ($pn: String!, $callId: String) { s: startCallerIdentification(personalNumber: $pn, callId: $callId) { id } }`,
      { pn, callId },
      { token },
    );
    expect(started.errors).toBeUndefined();
    const order = (await sandbox.bankId.orders()).filter((o) => o.personalNumber === pn).at(-1)!;
    await sandbox.bankId.caller(order.orderRef, 'approve');
    const collected = await hub.graphql<{ c: { state: string } }>(
      `mutation ($id: ID!) { c: collectCallerIdentification(id: $id) { state } }`,
      { id: started.data!.s.id },
      { token },
    );
    expect(collected.data?.c.state).toBe('COMPLETE');
    return {
      end: async () =>
        expect(
          (await postCallEvent(hub.url, platform, { ...common, event: 'ENDED', at: at(50) })).status,
        ).toBe(200),
    };
  };

  const auditOf = async (pn: string, subject: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: pn });
    return hub.dataSource
      .getRepository(AuditRecord)
      .find({ where: { partyId: party.id, actorSubject: subject }, order: { occurredAt: 'ASC' } });
  };

  describe('a guardian identified on the call', () => {
    let token: string;
    let call: { end(): Promise<void> };

    beforeAll(async () => {
      token = await agentToken('agent-gun');
      expect(await overview(token, TILDE)).toEqual(CLOSED);
      call = await identifyOnCall(token, 'agent-gun', ANNA);
    });

    it('opens the child’s secrecy matter to the agent, audited as on behalf of the guardian', async () => {
      expect(await overview(token, TILDE)).toEqual(OPEN);
      const detail = await hub.graphql(DETAIL, { pn: TILDE }, { token });
      expect(detail.errors).toBeUndefined();
      expect(detail.data).toEqual({ person: { incomeSupportFixture: { paymentDate: '2026-12-23' } } });
      const read = (await auditOf(TILDE, 'agent-gun')).filter((r) => r.plugins.includes(PLUGIN));
      expect(read.length).toBeGreaterThan(0);
      for (const row of read)
        expect(row).toMatchObject({ representativePn: ANNA, representation: 'guardian', refusal: null });
      // Tilde's access log: staff read it, in a call with her guardian.
      const log = await hub.graphql<{
        me: { accessLog: { groups: { readerKind: string; reader: string }[] } };
      }>(
        '{ me { accessLog(first: 10) { groups { readerKind reader } } } }',
        {},
        { token: await hub.token('citizen', TILDE, 'Tilde Andersson') },
      );
      expect(log.errors).toBeUndefined();
      expect(log.data!.me.accessLog.groups).toContainEqual({
        readerKind: 'STAFF',
        reader: 'Handläggare och kundtjänst, i samtal med Anna Andersson (vårdnadshavare)',
      });
      // A colleague who identified nobody still does not hear it.
      expect(await overview(await agentToken('agent-gustav'), TILDE)).toEqual(CLOSED);
    });

    it('keeps it closed when custody cannot be confirmed (the register down), with the reason, audited', async () => {
      await sandbox.setFault({ system: 'register', mode: 'down' });
      const closed = await overview(token, TILDE, true);
      expect(closed).toEqual(
        closedBecause(
          'Folkbokföringen svarar inte just nu, så vårdnaden kan inte bekräftas. Försök igen senare.',
        ),
      );
      const detail = await hub.graphql(DETAIL, { pn: TILDE }, { token });
      expect(detail.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      const refusals = (await auditOf(TILDE, 'agent-gun')).filter((r) => r.refusal !== null);
      expect(refusals.map((r) => r.refusal)).toContainEqual(
        expect.stringContaining('Folkbokföringen svarar inte'),
      );
      await sandbox.clearFaults();
      expect(await overview(token, TILDE)).toEqual(OPEN);
    });

    it('closes it again when the call ends', async () => {
      await call.end();
      expect(await overview(token, TILDE)).toEqual(CLOSED);
    });
  });

  it('keeps the child’s matter closed for a caller identified as someone who is not the guardian', async () => {
    const token = await agentToken('agent-nils');
    await identifyOnCall(token, 'agent-nils', BERTIL);
    expect(await overview(token, BERTIL)).toEqual(OPEN); // identified: his own matters open
    expect(await overview(token, TILDE)).toEqual(CLOSED);
    const audit = await auditOf(TILDE, 'agent-nils');
    expect(audit.some((r) => r.plugins.includes(PLUGIN))).toBe(false);
    expect(audit.flatMap((r) => r.fieldGroups)).toContain('callerNotIdentified');
  });

  describe('an ombud identified on the call', () => {
    let token: string;

    beforeAll(async () => {
      token = await agentToken('agent-olle');
      await identifyOnCall(token, 'agent-olle', BERTIL);
    });
    const insertPower = (departments: string[], validFrom: string, validTo: string | null) =>
      hub.dataSource.getRepository(PowerOfAttorney).insert({
        id: randomUUID(),
        principalPersonalNumber: OLGA,
        agentPersonalNumber: BERTIL,
        departments,
        validFrom,
        validTo,
        registeredBy: 'agent-karin',
        registeredAt: new Date(clock.now() - 60_000 * (10 - departments.length)),
        revokedBy: null,
        revokedAt: null,
      });

    it('without a power: closed, as for anyone not identified', async () => {
      expect(await overview(token, OLGA)).toEqual(CLOSED);
    });

    it('with a power that has expired: closed, saying so, and the refusal audited', async () => {
      await insertPower([DEPARTMENT], '2025-01-01', '2026-11-23');
      expect(await overview(token, OLGA)).toEqual(closedBecause('Fullmakten gick ut 2026-11-23.'));
      const refusals = (await auditOf(OLGA, 'agent-olle')).map((r) => r.refusal).filter(Boolean);
      expect(refusals).toContainEqual(expect.stringContaining('Fullmakten gick ut 2026-11-23.'));
    });

    it('with a power for every open department only: out of scope (secrecy is named), saying so', async () => {
      const power = await hub.graphql(
        `mutation ($input: RegisterPowerOfAttorneyInput!) { registerPowerOfAttorney(input: $input) { id } }`,
        {
          input: {
            principalPersonalNumber: OLGA,
            agentPersonalNumber: BERTIL,
            allOpenDepartments: true,
            validFrom: TODAY,
          },
        },
        { token: await agentToken('agent-karin') },
      );
      expect(power.errors).toBeUndefined();
      expect(await overview(token, OLGA)).toEqual(
        closedBecause(
          `Fullmakten omfattar inte ${DEPARTMENT} (sekretess: förvaltningen måste anges uttryckligen).`,
        ),
      );
    });

    it('with a valid power naming the department: open, audited as on behalf of the ombud by that power', async () => {
      const power = await hub.graphql<{ registerPowerOfAttorney: { id: string } }>(
        `mutation ($input: RegisterPowerOfAttorneyInput!) { registerPowerOfAttorney(input: $input) { id } }`,
        {
          input: {
            principalPersonalNumber: OLGA,
            agentPersonalNumber: BERTIL,
            departments: [DEPARTMENT],
            validFrom: TODAY,
            validTo: '2026-12-31',
          },
        },
        { token: await agentToken('agent-karin') },
      );
      expect(power.errors).toBeUndefined();
      const id = power.data!.registerPowerOfAttorney.id;
      expect(await overview(token, OLGA)).toEqual(OPEN);
      const read = (await auditOf(OLGA, 'agent-olle')).filter((r) => r.plugins.includes(PLUGIN));
      expect(read.length).toBeGreaterThan(0);
      for (const row of read)
        expect(row).toMatchObject({ representativePn: BERTIL, representation: `power:${id}` });
      // The power is read on every request: revoked, it closes at once.
      const revoked = await hub.graphql(
        `mutation { revokePowerOfAttorney(id: "${id}") { id } }`,
        {},
        { token: await agentToken('agent-karin') },
      );
      expect(revoked.errors).toBeUndefined();
      expect((await overview(token, OLGA)).state).toBe('WITHHELD');
    });
  });
});

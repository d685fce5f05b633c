import { randomUUID } from 'node:crypto';
import { AuditRecord, Party, PowerOfAttorney } from '@frontdoor/core';
import { CallNotifier } from '@frontdoor/gateway';
import { CLOSED_TO_GUARDIANS_REASON } from '@frontdoor/plugin-child-youth';
import {
  postCallEvent,
  sandboxBankIdConnection,
  sandboxConnection,
  startHub,
  startSandbox,
  TestClock,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const DEPARTMENT = 'Barn och unga';
const PLUGIN = 'child-youth';
const ANNA = '199001012385'; // guardian of Elsa and Tilde
const ELSA = '201708142425'; // 9, an ongoing investigation, a kontaktperson and a kontaktfamilj
const TILDE = '202402292383'; // 2, an investigation marked sekretess mot vårdnadshavare
const BERTIL = '196408233234'; // no custody of anyone
const NOT_IDENTIFIED = 'Sekretess: identifiera den som ringer med BankID först.';

type Who = 'agent' | 'officer' | 'manager' | 'adam' | 'bea';

const target = (role: string, department = DEPARTMENT) =>
  `{ targetKind: ROLE, targetKey: "${role}", department: "${department}" }`;

const OVERVIEW = `query ($pn: String!) { person(personalNumber: $pn) {
  statuses { source kind reference label nextStep dueDate }
  sources { plugin state reason withheldFor }
} }`;
const DETAIL = `query ($pn: String!) { person(personalNumber: $pn) { childYouth {
  caseOfficer { name phone phoneHours }
  investigations { investigationId label dueOn }
  interventions { interventionId kindLabel label validTo }
  callbackRequests { requestId callbackNumber stateLabel }
} } }`;
const DECISIONS = `query ($pn: String!) { person(personalNumber: $pn) { childYouthDecisions {
  decisions { interventionId decisionReason provider { name } }
} } }`;
const CALLBACK = `mutation ($key: String!, $input: ChildYouthCallbackInput!) {
  requestCaseOfficerCallback(idempotencyKey: $key, input: $input) { accepted requestId label }
}`;
const callbackFor = (pn: string) => ({
  personalNumber: pn,
  callbackNumber: '070-123 45 67',
  message: 'Mamma Anna vill prata om kontaktfamiljen i helgen.',
});

interface Overview {
  person: {
    statuses: {
      source: string;
      kind: string;
      reference: string;
      label: string;
      nextStep: string | null;
      dueDate: string | null;
    }[];
    sources: { plugin: string; state: string; reason: string | null; withheldFor: string | null }[];
  };
}

/**
 * Barn och unga (issue 26): social-services secrecy (OSL 26:1), closed to every role until a
 * four-eyes grant, then open to an agent only for an identified caller, or a caller identified
 * as the child's guardian (decision 0089). A matter marked "sekretess mot vårdnadshavare"
 * (OSL 12:3) closes the department to anyone reading on a representation: the hub decides it
 * from the plugin's `closedToRepresentatives` (SDK 4.4), withholds, refuses and audits.
 */
describe('the Barn och unga department (child-youth), secret also against the guardians', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<Who, string>;
  let platform: string;
  let calls = 0;
  const clock = new TestClock();

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      clock,
      plugins: {
        // No cache: a fault is seen at once, never served stale.
        [PLUGIN]: {
          connection: sandboxConnection(sandbox, 'child-youth'),
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
        },
        'population-register': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'register'),
        },
      },
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
      access: {
        mandates: {
          roles: {
            agent: { '*': 6 },
            case_officer: { '*': 6 },
            manager: { '*': 6 },
            admin: { '*': 6 },
            citizen: { '*': 1 },
          },
        },
        identification: { requiredFor: { roles: ['agent'], answerGroups: [] } },
      },
      bankId: { ...sandboxBankIdConnection(sandbox), timeoutMs: 2000 },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-agnes'),
      officer: await hub.token('case_officer', 'officer-ingrid'),
      manager: await hub.token('manager', 'manager-maria'),
      adam: await hub.token('admin', 'admin-adam'),
      bea: await hub.token('admin', 'admin-bea'),
    };
    platform = await hub.token('service', 'telephony-platform');
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.app.get(CallNotifier).idle();
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (token: string, pn: string) => {
    const response = await hub.graphql<Overview>(OVERVIEW, { pn }, { token });
    return {
      errors: response.errors,
      statuses: response.data?.person.statuses.filter((s) => s.source === PLUGIN) ?? [],
      source: response.data?.person.sources.find((s) => s.plugin === PLUGIN),
    };
  };
  const callbacks = async () =>
    (await (await fetch(`${sandbox.url}/child-youth/admin/callback-requests`)).json()) as {
      requestId: string;
      personalNumber: string;
    }[];
  const requestCallback = (token: string, input: Record<string, unknown>, key = randomUUID()) =>
    hub.graphql<{
      requestCaseOfficerCallback: { accepted: boolean; requestId: string | null; label: string };
    }>(CALLBACK, { key, input }, { token });
  /** One admin asks, a second approves: the four-eyes grant that alone opens a secrecy department. */
  const grant = async (role: string, level: number) => {
    const asked = await hub.graphql(
      `mutation { grantMandate(target: ${target(role)}, level: ${level}) { effective } }`,
      {},
      { token: tokens.adam },
    );
    expect(asked.errors).toBeUndefined();
    const approved = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target(role)}, level: ${level}) { effective } }`,
      {},
      { token: tokens.bea },
    );
    expect(approved.data).toEqual({ approveMandateGrant: { effective: level } });
  };
  /** An answered call to the agent, and the caller identified on it with BankID as `pn`. */
  const identifyOnCall = async (token: string, agentId: string, pn: string) => {
    const callId = `child-youth-call-${++calls}`;
    const common = { callId, queue: 'kundtjanst', from: '070-123 45 67', to: '0910-73 50 00' };
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
  };
  const auditOf = async (pn: string, subject: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: pn });
    return hub.dataSource
      .getRepository(AuditRecord)
      .find({ where: { partyId: party.id, actorSubject: subject }, order: { occurredAt: 'ASC' } });
  };

  describe('before any grant', () => {
    it.each(['agent', 'officer', 'manager', 'adam'] as const)(
      'withholds it from the %s although `*` gives level 6: no status, no detail, no callback',
      async (who) => {
        const { statuses, source } = await overview(tokens[who], ELSA);
        expect(statuses).toEqual([]);
        expect(source?.state).toBe('WITHHELD');
        const detail = await hub.graphql(DETAIL, { pn: ELSA }, { token: tokens[who] });
        expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        const callback = await requestCallback(tokens[who], callbackFor(ELSA));
        expect(callback.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(await callbacks()).toEqual([]);
      },
    );

    it('is not opened by a grant for every department (`*`)', async () => {
      const everywhere = await hub.graphql(
        `mutation { grantMandate(target: ${target('case_officer', '*')}, level: 6) { effective } }`,
        {},
        { token: tokens.adam },
      );
      expect(everywhere.errors).toBeUndefined();
      expect((await overview(tokens.officer, ELSA)).source?.state).toBe('WITHHELD');
      await hub.graphql(
        `mutation { revokeMandate(target: ${target('case_officer', '*')}) }`,
        {},
        {
          token: tokens.adam,
        },
      );
    });
  });

  describe('after a four-eyes grant', () => {
    beforeAll(async () => {
      await grant('agent', 3);
      await grant('case_officer', 4);
      await grant('manager', 1);
    });

    it('answers a case officer (no identification asked of the role): statuses for staff, the officer, the grounds at 4', async () => {
      const { statuses, source } = await overview(tokens.officer, ELSA);
      expect(source?.state).toBe('OK');
      expect(statuses.map((s) => [s.kind, s.reference, s.label])).toEqual(
        expect.arrayContaining([
          ['child-youth-investigation', 'BOU-UTR-2041', 'Pågår'],
          ['child-youth-intervention', 'BOU-INS-3310', 'Beviljad'],
          ['child-youth-intervention', 'BOU-INS-3322', 'Beviljad'],
        ]),
      );
      const investigation = statuses.find((s) => s.reference === 'BOU-UTR-2041')!;
      expect(investigation.nextStep).toMatch(
        /^Ska vara klar senast \d{4}-\d{2}-\d{2}\. Handläggare Lina Ek, telefontid tisdag och torsdag 9–10, 0910-73 50 12$/,
      );
      // Where the child stays (the contact family's home) is never in a status.
      expect(JSON.stringify(statuses)).not.toMatch(/Lindqvist|Björkvägen/);
      const detail = await hub.graphql<{ person: { childYouth: { caseOfficer: unknown } } }>(
        DETAIL,
        { pn: ELSA },
        { token: tokens.officer },
      );
      expect(detail.errors).toBeUndefined();
      expect(detail.data!.person.childYouth.caseOfficer).toEqual({
        name: 'Lina Ek',
        phone: '0910-73 50 12',
        phoneHours: 'tisdag och torsdag 9–10',
      });
      const decisions = await hub.graphql<{
        person: { childYouthDecisions: { decisions: { decisionReason: string }[] } };
      }>(DECISIONS, { pn: ELSA }, { token: tokens.officer });
      expect(decisions.errors).toBeUndefined();
      expect(decisions.data!.person.childYouthDecisions.decisions[0].decisionReason).toMatch(/förebild/);
    });

    it('leaves a level-1 reader without the matters (statuses need level 2) and refuses them the detail', async () => {
      const { statuses, source } = await overview(tokens.manager, ELSA);
      expect(source?.state).toBe('OK');
      expect(statuses).toEqual([]);
      const detail = await hub.graphql(DETAIL, { pn: ELSA }, { token: tokens.manager });
      expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses the grounds (level 4) to the agent at level 3', async () => {
      await identifyOnCall(tokens.agent, 'agent-agnes', ANNA);
      const decisions = await hub.graphql(DECISIONS, { pn: ELSA }, { token: tokens.agent });
      expect(decisions.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(decisions.errors?.[0].message).toMatch(/level 4 in Barn och unga/);
    });

    it('withholds it from an agent until the caller is identified', async () => {
      const token = await hub.token('agent', 'agent-otto');
      const { statuses, source } = await overview(token, ELSA);
      expect(statuses).toEqual([]);
      expect(source).toMatchObject({ state: 'WITHHELD', reason: NOT_IDENTIFIED });
      const callback = await requestCallback(token, callbackFor(ELSA));
      expect(callback.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await callbacks()).toEqual([]);
    });

    describe('a caller identified as the guardian (Anna)', () => {
      let token: string;
      beforeAll(async () => {
        token = await hub.token('agent', 'agent-gun');
        await identifyOnCall(token, 'agent-gun', ANNA);
      });

      it('hears Elsa’s ordinary matters: the investigation and the case officer, audited on Anna’s behalf', async () => {
        const { statuses, source, errors } = await overview(token, ELSA);
        expect(errors).toBeUndefined();
        expect(source?.state).toBe('OK');
        expect(statuses.map((s) => s.reference).sort()).toEqual([
          'BOU-INS-3310',
          'BOU-INS-3322',
          'BOU-UTR-2041',
        ]);
        const detail = await hub.graphql(DETAIL, { pn: ELSA }, { token });
        expect(detail.errors).toBeUndefined();
        const read = (await auditOf(ELSA, 'agent-gun')).filter((r) => r.plugins.includes(PLUGIN));
        expect(read.length).toBeGreaterThan(0);
        for (const row of read)
          expect(row).toMatchObject({ representativePn: ANNA, representation: 'guardian', refusal: null });
      });

      it('is refused Tilde’s matter marked sekretess mot vårdnadshavare: WITHHELD with the reason, nothing of it, audited', async () => {
        const { statuses, source, errors } = await overview(token, TILDE);
        expect(errors).toBeUndefined();
        expect(statuses).toEqual([]);
        expect(source).toEqual({
          plugin: PLUGIN,
          state: 'WITHHELD',
          withheldFor: 'CLOSED_TO_REPRESENTATIVES',
          reason: CLOSED_TO_GUARDIANS_REASON,
        });
        expect(CLOSED_TO_GUARDIANS_REASON).toMatch(/^Sekretess mot vårdnadshavare/);
        // The reason tells nothing of the matter: no officer, no reference, no date.
        expect(CLOSED_TO_GUARDIANS_REASON).not.toMatch(/Jonas|BOU-|\d{4}-\d{2}/);
        const detail = await hub.graphql(DETAIL, { pn: TILDE }, { token });
        expect(detail.errors?.[0]).toMatchObject({
          message: CLOSED_TO_GUARDIANS_REASON,
          extensions: { code: 'FORBIDDEN' },
        });
        expect(detail.data).toEqual({ person: { childYouth: null } });
        const audit = await auditOf(TILDE, 'agent-gun');
        const refusals = audit.filter((r) => r.refusal === CLOSED_TO_GUARDIANS_REASON);
        expect(refusals.length).toBeGreaterThan(0);
        expect(refusals[0]).toMatchObject({ representativePn: ANNA, plugins: [] });
        // Nothing was read from the department on Tilde for this agent.
        expect(audit.some((r) => r.plugins.includes(PLUGIN))).toBe(false);
      });

      it('is refused a callback about Tilde the same way, and nothing is booked', async () => {
        const callback = await requestCallback(token, callbackFor(TILDE));
        expect(callback.errors?.[0]).toMatchObject({
          message: CLOSED_TO_GUARDIANS_REASON,
          extensions: { code: 'FORBIDDEN' },
        });
        expect((await callbacks()).filter((c) => c.personalNumber === TILDE)).toEqual([]);
        const refusals = (await auditOf(TILDE, 'agent-gun')).filter((r) =>
          r.fieldGroups.includes('requestCaseOfficerCallback'),
        );
        expect(refusals.map((r) => [r.refusal, r.representativePn])).toContainEqual([
          CLOSED_TO_GUARDIANS_REASON,
          ANNA,
        ]);
      });

      it('asks Elsa’s officer to call back at level 3, once however often it is retried', async () => {
        const key = randomUUID();
        const first = await requestCallback(token, callbackFor(ELSA), key);
        expect(first.errors).toBeUndefined();
        expect(first.data!.requestCaseOfficerCallback).toEqual({
          accepted: true,
          requestId: expect.stringMatching(/^RING-/),
          label: expect.stringMatching(/^Handläggaren Lina Ek ringer upp 0701234567 \(RING-/),
        });
        const again = await requestCallback(token, callbackFor(ELSA), key);
        expect(again.data).toEqual(first.data);
        const taken = (await callbacks()).filter((c) => c.personalNumber === ELSA);
        expect(taken.map((c) => c.requestId)).toEqual([first.data!.requestCaseOfficerCallback.requestId]);
        const detail = await hub.graphql<{
          person: { childYouth: { callbackRequests: { requestId: string; stateLabel: string }[] } };
        }>(DETAIL, { pn: ELSA }, { token });
        expect(detail.data!.person.childYouth.callbackRequests).toEqual([
          expect.objectContaining({
            requestId: first.data!.requestCaseOfficerCallback.requestId,
            stateLabel: 'Mottagen, handläggaren ringer upp',
          }),
        ]);
      });

      it('refuses bad input in Swedish, naming the field, before the department is asked', async () => {
        const before = (await callbacks()).length;
        const bad = await requestCallback(token, { ...callbackFor(ELSA), callbackNumber: '12' });
        expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(bad.errors?.[0].message).toMatch(/callbackNumber: ange ett svenskt telefonnummer/);
        const empty = await requestCallback(token, { ...callbackFor(ELSA), message: ' ' });
        expect(empty.errors?.[0].message).toMatch(/message: skriv kort vad samtalet gäller/);
        expect((await callbacks()).length).toBe(before);
      });

      it('reports the department down or answering garbage as a failure, never as "no matters"', async () => {
        await sandbox.setFault({ system: 'child-youth', mode: 'error' });
        const down = await overview(token, ELSA);
        expect(down.source?.state).toBe('FAILED');
        expect(down.errors?.map((e) => [e.extensions?.code, e.extensions?.plugin])).toContainEqual([
          'SOURCE_UNAVAILABLE',
          PLUGIN,
        ]);
        // Tilde's matter cannot be checked: failed, not opened.
        const tilde = await overview(token, TILDE);
        expect(tilde.source?.state).toBe('FAILED');
        expect(tilde.statuses).toEqual([]);
        await sandbox.setFault({ system: 'child-youth', mode: 'garbage' });
        const garbage = await overview(token, ELSA);
        expect(garbage.source?.state).toBe('FAILED');
        expect(garbage.errors?.map((e) => e.extensions?.code)).toContain('SOURCE_INVALID_RESPONSE');
      });

      it('books nothing when the department is down (and cannot say whether the matter is closed to Anna)', async () => {
        const before = (await callbacks()).length;
        await sandbox.setFault({ system: 'child-youth', mode: 'error' });
        const callback = await requestCallback(token, callbackFor(ELSA));
        expect(callback.errors?.[0].extensions?.code).toBe('SOURCE_UNAVAILABLE');
        await sandbox.clearFaults();
        expect((await callbacks()).length).toBe(before);
      });
    });

    it('keeps it closed for a caller identified as someone who is not the guardian', async () => {
      const token = await hub.token('agent', 'agent-nils');
      await identifyOnCall(token, 'agent-nils', BERTIL);
      const { statuses, source } = await overview(token, ELSA);
      expect(statuses).toEqual([]);
      expect(source?.state).toBe('WITHHELD');
      expect(source?.withheldFor).toBe('CALLER_NOT_IDENTIFIED');
    });
  });

  describe('on the citizen page', () => {
    it('never shows a guardian the department, for either child', async () => {
      const anna = await hub.token('citizen', ANNA, 'Anna Andersson');
      for (const child of [ELSA, TILDE]) {
        const { statuses, source } = await overview(anna, child);
        expect(statuses).toEqual([]);
        expect(source?.state).toBe('WITHHELD');
      }
    });

    it('withholds a marked matter from an ombud whose power names the department, with the reason', async () => {
      await hub.dataSource.getRepository(PowerOfAttorney).insert(
        [TILDE, ELSA].map((principal) => ({
          id: randomUUID(),
          principalPersonalNumber: principal,
          agentPersonalNumber: BERTIL,
          departments: [DEPARTMENT],
          validFrom: '2026-01-01',
          validTo: null,
          registeredBy: 'agent-karin',
          registeredAt: new Date(clock.now() - 60_000),
          revokedBy: null,
          revokedAt: null,
        })),
      );
      const bertil = await hub.token('citizen', BERTIL, 'Bertil Berg');
      const tilde = await overview(bertil, TILDE);
      expect(tilde.source).toMatchObject({ state: 'WITHHELD', reason: CLOSED_TO_GUARDIANS_REASON });
      const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: TILDE });
      const refusals = await hub.dataSource
        .getRepository(AuditRecord)
        .find({ where: { partyId: party.id, actorSubject: BERTIL } });
      expect(refusals.map((r) => r.refusal)).toContain(CLOSED_TO_GUARDIANS_REASON);
      // Elsa's matters are not marked: the department answers (at the citizen role's level).
      expect((await overview(bertil, ELSA)).source?.state).toBe('OK');
    });
  });
});

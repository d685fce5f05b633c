import {
  DEMO_CASE_SETUP,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Mandates (Järfälla's levels 1-6) per role and answer group per department, enforced by
 * the hub before any plugin is called. Here the first line has no mandate in Bygglov, case
 * officers have information (1) everywhere, and the preschool answer group (Karin) has
 * level 2 in Förskola while the role alone has 0 there.
 */
const ACCESS = {
  mandates: {
    roles: { agent: { '*': 3, Bygglov: 0 }, case_officer: { '*': 1, Förskola: 0 } },
    answerGroups: { forskola: { Förskola: 2 } },
  },
};
const ORDER = (key: string) =>
  `mutation { orderBulkyWastePickup(idempotencyKey: "${key}", input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "199001012385" }) { orderId } }`;
const TARGET = '{ targetKind: ROLE, targetKey: "case_officer", department: "Avfall och återvinning" }';

describe('mandates per department, before any plugin is called', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'karin' | 'sara' | 'admin', string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, cases: DEMO_CASE_SETUP, access: ACCESS });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      karin: await hub.token('case_officer', 'officer-karin'),
      sara: await hub.token('case_officer', 'officer-sara'),
      admin: await hub.token('admin', 'admin-adam'),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('leaves a department without mandate out of the status list, marked WITHHELD, and never asks it', async () => {
    // Were the hub to call the permit system, this fault would show as FAILED.
    await sandbox.setFault({ system: 'permits', mode: 'error' });
    const response = await hub.graphql<{
      person: { statuses: { source: string }[]; sources: { plugin: string; state: string }[] };
    }>(
      '{ person(personalNumber: "199001012385") { statuses { source } sources { plugin state } } }',
      {},
      { token: tokens.agent },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.person.statuses.map((s) => s.source)).not.toContain('building-permits');
    expect(response.data!.person.sources.find((s) => s.plugin === 'building-permits')!.state).toBe(
      'WITHHELD',
    );
  });

  it('refuses a detail field and a lookup in a department without mandate, naming the levels', async () => {
    await sandbox.setFault({ system: 'permits', mode: 'error' });
    const detail = await hub.graphql(
      '{ person(personalNumber: "199001012385") { buildingPermits { caseNumber } } }',
      {},
      { token: tokens.agent },
    );
    expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(detail.errors?.[0].message).toBe(
      'Person.buildingPermits needs mandate level 1 in Bygglov; the agent role here has level 0.',
    );
    const lookup = await hub.graphql(
      '{ buildingPermit(caseNumber: "BN 2026-000123") { caseNumber } }',
      {},
      { token: tokens.agent },
    );
    expect(lookup.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives an answer group’s members its department level on top of their role’s', async () => {
    const query =
      '{ person(personalNumber: "199001012385") { childcareQueue { applications { applicationId } } } }';
    const karin = await hub.graphql(query, {}, { token: tokens.karin });
    expect(karin.errors).toBeUndefined();
    const sara = await hub.graphql(query, {}, { token: tokens.sara });
    expect(sara.errors?.[0].message).toBe(
      'Person.childcareQueue needs mandate level 1 in Förskola; the case_officer role here has level 0.',
    );
  });

  it('lets an action run only with its level (bulky waste pickup: 3) and books nothing otherwise', async () => {
    const before = ((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length;
    const refused = await hub.graphql(ORDER('mandate-refused-1'), {}, { token: tokens.karin });
    expect(refused.errors?.[0].message).toBe(
      'orderBulkyWastePickup needs mandate level 3 in Avfall och återvinning; the case_officer role here has level 1.',
    );
    expect(((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length).toBe(
      before,
    );
    const allowed = await hub.graphql(ORDER('mandate-allowed-1'), {}, { token: tokens.agent });
    expect(allowed.errors).toBeUndefined();
  });

  it('lets an admin grant and revoke a mandate, each recorded with who did it', async () => {
    const grant = await hub.graphql(
      `mutation { grantMandate(target: ${TARGET}, level: 3) { effective configured granted } }`,
      {},
      { token: tokens.admin },
    );
    expect(grant.errors).toBeUndefined();
    expect(grant.data).toEqual({ grantMandate: { effective: 3, configured: 1, granted: 3 } });
    expect(
      (await hub.graphql(ORDER('mandate-granted-1'), {}, { token: tokens.karin })).errors,
    ).toBeUndefined();

    const revoke = await hub.graphql(
      `mutation { revokeMandate(target: ${TARGET}) }`,
      {},
      { token: tokens.admin },
    );
    expect(revoke.data).toEqual({ revokeMandate: true });
    expect(
      (await hub.graphql(ORDER('mandate-revoked-1'), {}, { token: tokens.karin })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');

    const changes = await hub.graphql<{ accessChanges: Record<string, unknown>[] }>(
      '{ accessChanges { actorSubject action targetKind targetKey department levelBefore levelAfter requestId } }',
      {},
      { token: tokens.admin },
    );
    expect(changes.data!.accessChanges.slice(0, 2)).toEqual([
      {
        actorSubject: 'admin-adam',
        action: 'revoke',
        targetKind: 'ROLE',
        targetKey: 'case_officer',
        department: 'Avfall och återvinning',
        levelBefore: 3,
        levelAfter: null,
        requestId: expect.any(String),
      },
      {
        actorSubject: 'admin-adam',
        action: 'grant',
        targetKind: 'ROLE',
        targetKey: 'case_officer',
        department: 'Avfall och återvinning',
        levelBefore: null,
        levelAfter: 3,
        requestId: grant.headers.get('x-request-id'),
      },
    ]);
  });

  it('shows admins every role’s and group’s level per department', async () => {
    const response = await hub.graphql<{
      mandates: { targetKind: string; targetKey: string; department: string; effective: number }[];
    }>('{ mandates { targetKind targetKey department effective } }', {}, { token: tokens.admin });
    const level = (kind: string, key: string, department: string) =>
      response.data!.mandates.find(
        (m) => m.targetKind === kind && m.targetKey === key && m.department === department,
      )?.effective;
    expect(level('ROLE', 'agent', 'Bygglov')).toBe(0);
    expect(level('ROLE', 'agent', 'Förskola')).toBe(3);
    expect(level('ANSWER_GROUP', 'forskola', 'Förskola')).toBe(2);
    expect(level('ROLE', 'service', 'Förskola')).toBe(0);
  });

  it.each([
    [
      'an agent',
      'agent',
      `mutation { grantMandate(target: ${TARGET}, level: 6) { effective } }`,
      'FORBIDDEN',
      undefined,
    ],
    [
      'an unknown department',
      'admin',
      'mutation { grantMandate(target: { targetKind: ROLE, targetKey: "agent", department: "Parkering" }, level: 2) { effective } }',
      'BAD_USER_INPUT',
      'target.department',
    ],
    [
      'an unknown role',
      'admin',
      'mutation { grantMandate(target: { targetKind: ROLE, targetKey: "janitor", department: "*" }, level: 2) { effective } }',
      'BAD_USER_INPUT',
      'target.targetKey',
    ],
    [
      'an unknown answer group',
      'admin',
      'mutation { grantMandate(target: { targetKind: ANSWER_GROUP, targetKey: "nope", department: "*" }, level: 2) { effective } }',
      'BAD_USER_INPUT',
      'target.targetKey',
    ],
    [
      'level 7',
      'admin',
      `mutation { grantMandate(target: ${TARGET}, level: 7) { effective } }`,
      'BAD_USER_INPUT',
      'level',
    ],
  ] as const)(
    'refuses a grant by or for %s, changing nothing',
    async (_label, who, mutation, code, field) => {
      const before = await hub.graphql<{ accessChanges: unknown[] }>(
        '{ accessChanges { requestId } }',
        {},
        { token: tokens.admin },
      );
      const response = await hub.graphql(mutation, {}, { token: tokens[who] });
      expect(response.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      const after = await hub.graphql<{ accessChanges: unknown[] }>(
        '{ accessChanges { requestId } }',
        {},
        { token: tokens.admin },
      );
      expect(after.data!.accessChanges).toHaveLength(before.data!.accessChanges.length);
    },
  );

  it('refuses to start with a mandate for a department no plugin has, naming the key', async () => {
    await expect(
      startHub({
        sandbox,
        cases: DEMO_CASE_SETUP,
        access: { mandates: { roles: { agent: { Parkering: 2 } } } },
      }),
    ).rejects.toThrow('access.mandates.roles.agent: unknown department "Parkering"');
  });
});

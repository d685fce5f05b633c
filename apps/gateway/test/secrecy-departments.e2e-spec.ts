import { Field, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { StatusState, definePlugin } from '@frontdoor/plugin-sdk';
import { MandateGrant } from '@frontdoor/core';
import { childcareQueuePlugin } from '@frontdoor/plugin-childcare-queue';
import { populationRegisterPlugin } from '@frontdoor/plugin-population-register';
import {
  clientCredentialsToken,
  startDevIssuer,
  startHub,
  sandboxConnection,
  startSandbox,
  type DevIssuerHandle,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

@ObjectType({ description: 'Test fixture: an income-support matter.' })
class IncomeSupportDemo {
  @Field() paymentDate!: string;
}

const INCOME_SUPPORT = 'Ekonomiskt bistånd';

/**
 * A department under social-services secrecy (OSL 26:1), read from the sandbox's demo people
 * over HTTP so that a refusal shows as WITHHELD and never as a call.
 */
const incomeSupportPlugin = definePlugin({
  id: 'income-support-demo',
  department: INCOME_SUPPORT,
  version: '0.0.1',
  sdk: '^4.1',
  secrecy: { class: 'secrecy', statute: 'OSL 26:1' },
  config: z.object({}),
  connection: { healthPath: 'demo/people' },
  person: {
    fetch: ({ http }) => http.getJson('demo/people'),
    answer: z.array(z.object({ personalNumber: z.string() }).loose()),
    // Worded for its reader (SDK 4.1): the citizen reads it otherwise than staff.
    statuses: (_answer, _today, reader) => [
      {
        kind: 'income-support-application',
        reference: 'EB-2026-12',
        title: 'Ansökan om försörjningsstöd, december',
        state: StatusState.IN_PROGRESS,
        label: reader?.kind === 'citizen' ? 'Vi utreder din ansökan' : 'Utreds',
      },
    ],
    detail: {
      field: 'incomeSupportDemo',
      description: 'Test fixture.',
      type: () => IncomeSupportDemo,
      map: () => ({ paymentDate: '2026-12-23' }),
      mandate: 1,
    },
    whereabouts: [],
    placeIds: [],
  },
});

const loadModule = (specifier: string) =>
  specifier === '@frontdoor/plugin-income-support-demo'
    ? { plugin: incomeSupportPlugin }
    : specifier === '@frontdoor/plugin-population-register'
      ? { plugin: populationRegisterPlugin }
      : { plugin: childcareQueuePlugin };

function plugins(sandbox: SandboxHandle) {
  return {
    'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
    'income-support-demo': { connection: { baseUrl: sandbox.url, auth: { scheme: 'none' } } },
  };
}

const PERSON = `{ person(personalNumber: "199001012385") {
  statuses { source }
  sources { plugin state }
} }`;
const DETAIL = '{ person(personalNumber: "199001012385") { incomeSupportDemo { paymentDate } } }';
const target = (role: string, department = INCOME_SUPPORT) =>
  `{ targetKind: ROLE, targetKey: "${role}", department: "${department}" }`;

interface PersonAnswer {
  person: { statuses: { source: string }[]; sources: { plugin: string; state: string }[] };
}

/**
 * Issue 24, item 1: a department under a secrecy statute is closed until an admin's grant names
 * it and a second admin approves it; `*` never opens it, neither from the configuration (the
 * embedded default gives agents `*: 3`) nor from a run-time grant.
 */
describe('a secrecy department is closed until a grant naming it is approved by a second admin', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'officer' | 'manager' | 'adam' | 'bea' | 'citizen', string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: plugins(sandbox),
      loadModule,
      // Every role at the top level everywhere: none of it may reach the secrecy department.
      access: {
        mandates: {
          roles: { agent: { '*': 6 }, case_officer: { '*': 6 }, manager: { '*': 6 }, admin: { '*': 6 } },
        },
        // Grants are this spec's question; the caller's identification (decision 0076) is bankid-identification's.
        identification: { requiredFor: { roles: [] } },
      },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      officer: await hub.token('case_officer', 'officer-karin'),
      manager: await hub.token('manager', 'manager-maria'),
      adam: await hub.token('admin', 'admin-adam'),
      bea: await hub.token('admin', 'admin-bea'),
      citizen: await hub.token('citizen', '199001012385'),
    };
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overviewFor = async (token: string) => {
    const response = await hub.graphql<PersonAnswer>(PERSON, {}, { token });
    expect(response.errors).toBeUndefined();
    const person = response.data!.person;
    return {
      listed: person.statuses.some((s) => s.source === 'income-support-demo'),
      state: person.sources.find((s) => s.plugin === 'income-support-demo')!.state,
    };
  };

  it.each(['agent', 'officer', 'manager', 'adam'] as const)(
    'withholds it from the %s although `*` gives level 6, and refuses its detail field naming level 0',
    async (who) => {
      expect(await overviewFor(tokens[who])).toEqual({ listed: false, state: 'WITHHELD' });
      const detail = await hub.graphql(DETAIL, {}, { token: tokens[who] });
      expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(detail.errors?.[0].message).toMatch(
        /needs mandate level 1 in Ekonomiskt bistånd; .* has level 0\./,
      );
      // The open department beside it answers as configured.
      expect(
        (await hub.graphql<PersonAnswer>(PERSON, {}, { token: tokens[who] })).data!.person.sources.find(
          (s) => s.plugin === 'childcare-queue',
        )!.state,
      ).toBe('OK');
    },
  );

  it('names each department’s secrecy class and statute among the plugins, for admins opening it', async () => {
    const { data, errors } = await hub.graphql<{
      plugins: { id: string; secrecy: string; statute: string | null }[];
    }>('{ plugins { id secrecy statute } }', {}, { token: tokens.adam });
    expect(errors).toBeUndefined();
    expect(data!.plugins.find((p) => p.id === 'income-support-demo')).toEqual({
      id: 'income-support-demo',
      secrecy: 'secrecy',
      statute: 'OSL 26:1',
    });
    expect(data!.plugins.find((p) => p.id === 'childcare-queue')).toMatchObject({
      secrecy: 'personal',
      statute: null,
    });
  });

  it('shows the citizen their own matter in it: secrecy does not hold against the person it protects', async () => {
    const response = await hub.graphql<{
      me: { person: { statuses: { source: string; reference: string; label: string }[] } };
    }>('{ me { person { statuses { source reference label } } } }', {}, { token: tokens.citizen });
    expect(response.errors).toBeUndefined();
    // Worded for her, by the plugin that was told who reads.
    expect(response.data!.me.person.statuses).toContainEqual({
      source: 'income-support-demo',
      reference: 'EB-2026-12',
      label: 'Vi utreder din ansökan',
    });
  });

  it('is not opened by a run-time grant for every department (`*`)', async () => {
    const everywhere = await hub.graphql(
      `mutation { grantMandate(target: ${target('agent', '*')}, level: 6) { effective pending { level } } }`,
      {},
      { token: tokens.adam },
    );
    expect(everywhere.errors).toBeUndefined();
    expect(everywhere.data).toEqual({ grantMandate: { effective: 6, pending: null } });
    expect(await overviewFor(tokens.agent)).toEqual({ listed: false, state: 'WITHHELD' });
    await hub.graphql(
      `mutation { revokeMandate(target: ${target('agent', '*')}) }`,
      {},
      { token: tokens.adam },
    );
  });

  it('opens only after a second admin approves the level the first requested, both recorded', async () => {
    const requested = await hub.graphql<{
      grantMandate: {
        effective: number;
        granted: number | null;
        secrecy: string;
        pending: Record<string, unknown>;
      };
    }>(
      `mutation { grantMandate(target: ${target('agent')}, level: 2) { effective granted secrecy pending { level requestedBy } } }`,
      {},
      { token: tokens.adam },
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.grantMandate).toEqual({
      effective: 0,
      granted: null,
      secrecy: 'secrecy',
      pending: { level: 2, requestedBy: 'admin-adam' },
    });
    expect(await overviewFor(tokens.agent)).toEqual({ listed: false, state: 'WITHHELD' });

    // The admin who asked cannot approve it: refused, recorded, still closed.
    const own = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target('agent')}, level: 2) { effective } }`,
      {},
      { token: tokens.adam },
    );
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toBe(
      'A second admin must approve this grant: you requested it yourself.',
    );
    // A second admin approving another level than the one waiting grants nothing.
    const stale = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target('agent')}, level: 5) { effective } }`,
      {},
      { token: tokens.bea },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await overviewFor(tokens.agent)).toEqual({ listed: false, state: 'WITHHELD' });
    // Nor can anyone but an admin.
    const byAgent = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target('agent')}, level: 2) { effective } }`,
      {},
      { token: tokens.agent },
    );
    expect(byAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const approved = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target('agent')}, level: 2) { effective granted configured pending { level } } }`,
      {},
      { token: tokens.bea },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data).toEqual({
      approveMandateGrant: { effective: 2, granted: 2, configured: null, pending: null },
    });
    expect(await overviewFor(tokens.agent)).toEqual({ listed: true, state: 'OK' });
    expect((await hub.graphql(DETAIL, {}, { token: tokens.agent })).data).toEqual({
      person: { incomeSupportDemo: { paymentDate: '2026-12-23' } },
    });
    // Granted to agents only: the others stay out.
    expect(await overviewFor(tokens.officer)).toEqual({ listed: false, state: 'WITHHELD' });

    const changes = await hub.graphql<{ accessChanges: Record<string, unknown>[] }>(
      '{ accessChanges(first: 3) { actorSubject action department levelBefore levelAfter } }',
      {},
      { token: tokens.adam },
    );
    expect(changes.data!.accessChanges).toEqual([
      {
        actorSubject: 'admin-bea',
        action: 'approve',
        department: INCOME_SUPPORT,
        levelBefore: null,
        levelAfter: 2,
      },
      {
        actorSubject: 'admin-bea',
        action: 'approve_refused',
        department: INCOME_SUPPORT,
        levelBefore: null,
        levelAfter: 5,
      },
      {
        actorSubject: 'admin-adam',
        action: 'approve_refused',
        department: INCOME_SUPPORT,
        levelBefore: null,
        levelAfter: 2,
      },
    ]);
    expect(
      await hub.dataSource.getRepository(MandateGrant).findOne({
        where: { department: INCOME_SUPPORT },
        select: { level: true, grantedBy: true, approvedBy: true },
      }),
    ).toEqual({ level: 2, grantedBy: 'admin-adam', approvedBy: 'admin-bea' });

    // Closing takes one admin, at once.
    const revoked = await hub.graphql(
      `mutation { revokeMandate(target: ${target('agent')}) }`,
      {},
      { token: tokens.bea },
    );
    expect(revoked.data).toEqual({ revokeMandate: true });
    expect(await overviewFor(tokens.agent)).toEqual({ listed: false, state: 'WITHHELD' });
  });

  it('withdraws a waiting request with a revoke, so a later approval finds nothing', async () => {
    await hub.graphql(
      `mutation { grantMandate(target: ${target('manager')}, level: 1) { effective } }`,
      {},
      {
        token: tokens.adam,
      },
    );
    expect(
      (
        await hub.graphql(
          `mutation { revokeMandate(target: ${target('manager')}) }`,
          {},
          { token: tokens.adam },
        )
      ).data,
    ).toEqual({ revokeMandate: false });
    const late = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target('manager')}, level: 1) { effective } }`,
      {},
      { token: tokens.bea },
    );
    expect(late.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await overviewFor(tokens.manager)).toEqual({ listed: false, state: 'WITHHELD' });
  });

  it('shows admins the department as secret with no configured level, and any request waiting', async () => {
    await hub.graphql(
      `mutation { grantMandate(target: ${target('case_officer')}, level: 1) { effective } }`,
      {},
      {
        token: tokens.bea,
      },
    );
    const overview = await hub.graphql<{
      mandates: {
        targetKey: string;
        department: string;
        configured: number | null;
        secrecy: string;
        pending: unknown;
      }[];
    }>(
      '{ mandates { targetKind targetKey department configured secrecy pending { level requestedBy } } }',
      {},
      {
        token: tokens.adam,
      },
    );
    const row = (key: string, department: string) =>
      overview.data!.mandates.find((m) => m.targetKey === key && m.department === department);
    expect(row('case_officer', INCOME_SUPPORT)).toMatchObject({
      configured: null,
      secrecy: 'secrecy',
      pending: { level: 1, requestedBy: 'admin-bea' },
    });
    expect(row('case_officer', 'Förskola')).toMatchObject({
      configured: 6,
      secrecy: 'personal',
      pending: null,
    });
  });

  it('refuses approval where nothing waits for it: a department that is not secret', async () => {
    const response = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target('agent', 'Förskola')}, level: 1) { effective } }`,
      {},
      { token: tokens.bea },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe('target.department');
  });
});

describe('a configuration file cannot open a secrecy department', () => {
  it('refuses to start, naming the department, its statute and how to open it', async () => {
    const sandbox = await startSandbox();
    try {
      await expect(
        startHub({
          sandbox,
          plugins: plugins(sandbox),
          loadModule,
          access: { mandates: { roles: { agent: { [INCOME_SUPPORT]: 2 } } } },
        }),
      ).rejects.toThrow(
        'access.mandates.roles.agent: "Ekonomiskt bistånd" is a secrecy department (OSL 26:1); a configuration file cannot open it',
      );
    } finally {
      await sandbox.close();
    }
  });
});

/**
 * Issue 24: for a person with protected identity a secrecy department's whole matter is withheld
 * from a reader without clearance ("Skyddad uppgift"), not only its addresses, even where the
 * reader holds the department's mandate; the register failing counts as protected (fail closed).
 */
describe('a protected person’s matter in a secrecy department', () => {
  const CECILIA = '200002292399'; // protected identity in the sandbox's register
  const ANNA = '199001012385';
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'manager' | 'cecilia', string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        ...plugins(sandbox),
        'population-register': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'register'),
        },
      },
      loadModule,
      access: {
        protectedIdentity: { clearedRoles: ['manager'] },
        identification: { requiredFor: { roles: [] } },
      },
    });
    const [adam, bea] = [await hub.token('admin', 'admin-adam'), await hub.token('admin', 'admin-bea')];
    for (const role of ['agent', 'manager']) {
      await hub.graphql(
        `mutation { grantMandate(target: ${target(role)}, level: 2) { effective } }`,
        {},
        { token: adam },
      );
      const approved = await hub.graphql<{ approveMandateGrant: { effective: number } }>(
        `mutation { approveMandateGrant(target: ${target(role)}, level: 2) { effective } }`,
        {},
        { token: bea },
      );
      expect(approved.data).toEqual({ approveMandateGrant: { effective: 2 } });
    }
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      manager: await hub.token('manager', 'manager-maria'),
      cecilia: await hub.token('citizen', CECILIA),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const read = async (personalNumber: string, token: string) => {
    const response = await hub.graphql<{
      person: {
        protectedIdentity: boolean;
        statuses: { source: string }[];
        sources: { plugin: string; state: string; reason: string | null }[];
      };
    }>(
      `{ person(personalNumber: "${personalNumber}") { protectedIdentity statuses { source } sources { plugin state reason } } }`,
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    const person = response.data!.person;
    return {
      protectedIdentity: person.protectedIdentity,
      listed: person.statuses.some((s) => s.source === 'income-support-demo'),
      source: person.sources.find((s) => s.plugin === 'income-support-demo'),
    };
  };

  it('withholds the whole matter from an uncleared agent who holds the mandate, saying why', async () => {
    expect(await read(CECILIA, tokens.agent)).toEqual({
      protectedIdentity: true,
      listed: false,
      source: {
        plugin: 'income-support-demo',
        state: 'WITHHELD',
        reason: 'Skyddad uppgift: personen har skyddad identitet och förvaltningen omfattas av sekretess.',
      },
    });
    const detail = await hub.graphql(
      `{ person(personalNumber: "${CECILIA}") { incomeSupportDemo { paymentDate } } }`,
      {},
      { token: tokens.agent },
    );
    expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(detail.errors?.[0].message).toMatch(/^Skyddad uppgift: Ekonomiskt bistånd is under secrecy/);
    expect(detail.data?.person).toEqual({ incomeSupportDemo: null });
  });

  it('answers the same agent for a person without protection, and a cleared reader for the protected', async () => {
    expect(await read(ANNA, tokens.agent)).toMatchObject({ protectedIdentity: false, listed: true });
    expect(await read(CECILIA, tokens.manager)).toMatchObject({
      protectedIdentity: true,
      listed: true,
      source: { state: 'OK' },
    });
  });

  it('withholds it when the register cannot say whether the person is protected (fail closed)', async () => {
    await sandbox.setFault({ system: 'register', mode: 'error' });
    const response = await hub.graphql<{ person: { sources: { plugin: string; state: string }[] } }>(
      `{ person(personalNumber: "${ANNA}") { sources { plugin state } } }`,
      {},
      { token: tokens.agent },
    );
    expect(response.data!.person.sources.find((s) => s.plugin === 'income-support-demo')!.state).toBe(
      'WITHHELD',
    );
  });

  it('shows the protected citizen her own matter, worded for her even right after staff read it', async () => {
    const labelFor = async (query: string, token: string) => {
      const response = await hub.graphql<{
        person?: { statuses: { source: string; label: string }[] };
        me?: { person: { statuses: { source: string; label: string }[] } };
      }>(query, {}, { token });
      expect(response.errors).toBeUndefined();
      const statuses = (response.data!.person ?? response.data!.me!.person).statuses;
      return statuses.find((s) => s.source === 'income-support-demo')?.label;
    };
    // The cleared manager first: the view the hub keeps of this answer for staff must not reach her.
    await expect(
      labelFor(`{ person(personalNumber: "${CECILIA}") { statuses { source label } } }`, tokens.manager),
    ).resolves.toBe('Utreds');
    await expect(labelFor('{ me { person { statuses { source label } } } }', tokens.cecilia)).resolves.toBe(
      'Vi utreder din ansökan',
    );
  });
});

describe('the national Mina ärenden feed (kundhändelser)', () => {
  let sandbox: SandboxHandle;
  let issuer: DevIssuerHandle;
  let hub: TestHub;

  beforeAll(async () => {
    [sandbox, issuer] = await Promise.all([startSandbox(), startDevIssuer()]);
    hub = await startHub({
      sandbox,
      plugins: plugins(sandbox),
      loadModule,
      env: { AUTH_OIDC_ISSUER: issuer.url },
      auth: { serviceAccounts: { 'mina-arenden': { operations: ['kundhandelser'] } } },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await issuer?.close();
    await sandbox?.close();
  });

  it('carries no secrecy department’s matter out of the municipality, and is complete without it', async () => {
    const token = (await clientCredentialsToken(issuer, 'mina-arenden', 'sandbox-mina-arenden-secret'))
      .accessToken!;
    const response = await fetch(`${hub.url}/mina-arenden/v1/kundhandelser`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kundidentifierare: { typ: 'PERSONNUMMER', varde: '199001012385' } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      komplett: boolean;
      kundhandelser: { kundhandelseTyp: string; rubrik: string }[];
      kallor: { kalla: string }[];
    };
    expect(body.kallor.map((k) => k.kalla)).toEqual(['childcare-queue']);
    expect(body.kundhandelser.length).toBeGreaterThan(0);
    expect(JSON.stringify(body.kundhandelser)).not.toMatch(/försörjningsstöd|EB-2026-12|Utreds/i);
    expect(body.komplett).toBe(true);
  });
});

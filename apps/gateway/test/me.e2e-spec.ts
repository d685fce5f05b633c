import {
  childcarePluginOnly,
  DEMO_CASE_SETUP,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

describe('me: a citizen’s own matters, cases and who has read their data', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let citizen: string;
  let agentReadId: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: childcarePluginOnly(sandbox), cases: DEMO_CASE_SETUP });
    citizen = await hub.token('citizen', '199001012385');
    const agent = await hub.token('agent', 'agent-alva');
    agentReadId = (
      await hub.graphql(
        '{ person(personalNumber: "199001012385") { statuses { reference } } }',
        {},
        { token: agent },
      )
    ).headers.get('x-request-id')!;
    await hub.graphql(
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "199001012385", summary: "Erbjudandet", resolvedAtFirstLine: true, resolution: "Svara senast 5 december" }) { id } }',
      {},
      { token: agent },
    );
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('shows the citizen their matters and cases, and that an agent read their childcare data', async () => {
    const { data, errors } = await hub.graphql<{
      me: {
        person: { personalNumber: string; statuses: { reference: string }[]; cases: { status: string }[] };
        accessHistory: { role: string; sources: string[]; fieldGroups: string[] }[];
      };
    }>(
      '{ me { person { personalNumber statuses { reference } cases { status } } accessHistory { role sources fieldGroups purpose at } } }',
      {},
      { token: citizen },
    );
    expect(errors).toBeUndefined();
    expect(data!.me.person.personalNumber).toBe('199001012385');
    expect(data!.me.person.statuses.map((s) => s.reference)).toEqual(['FSK-2026-0412', 'FSK-2026-0977']);
    expect(data!.me.person.cases).toEqual([{ status: 'CLOSED' }]);
    expect(
      data!.me.accessHistory.some(
        (r) =>
          r.role === 'agent' && r.sources.includes('childcare-queue') && r.fieldGroups.includes('statuses'),
      ),
    ).toBe(true);
    // Staff appear by role, never by name or id.
    expect(JSON.stringify(data!.me.accessHistory)).not.toContain('agent-alva');
  });

  it('is for citizens only', async () => {
    const agent = await hub.token('agent', 'agent-alva');
    expect(
      (await hub.graphql('{ me { person { personalNumber } } }', {}, { token: agent })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('lets an admin see who read a person’s data, and audits that read too', async () => {
    const admin = await hub.token('admin', 'admin-1');
    const { data } = await hub.graphql<{ auditRecords: { actorSubject: string; requestId: string }[] }>(
      '{ auditRecords(personalNumber: "199001012385") { actorSubject actorRole sources requestId at } }',
      {},
      { token: admin },
    );
    expect(data!.auditRecords).toContainEqual(
      expect.objectContaining({ actorSubject: 'agent-alva', requestId: agentReadId }),
    );
    const again = await hub.graphql<{ auditRecords: { actorSubject: string; sources: string[] }[] }>(
      '{ auditRecords(personalNumber: "199001012385") { actorSubject sources } }',
      {},
      { token: admin },
    );
    expect(again.data!.auditRecords[0]).toEqual({ actorSubject: 'admin-1', sources: ['audit'] });
    const agent = await hub.token('agent', 'agent-alva');
    expect(
      (await hub.graphql('{ auditRecords(personalNumber: "199001012385") { at } }', {}, { token: agent }))
        .errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

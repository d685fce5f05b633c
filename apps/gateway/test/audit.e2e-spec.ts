import { AuditRecord, Party } from '@frontdoor/core';
import {
  childcarePluginOnly,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

describe('every read of a person’s data is audited', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: childcarePluginOnly(sandbox) });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const auditRowsFor = async (personalNumber: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber });
    if (!party) return [];
    return hub.dataSource
      .getRepository(AuditRecord)
      .find({ where: { partyId: party.id }, order: { occurredAt: 'ASC' } });
  };

  it('writes who, role, which person, which plugins, when and the hub’s request id, never the caller’s', async () => {
    const token = await hub.token('agent', 'agent-alva');
    const before = new Date();
    const response = await hub.graphql(
      '{ person(personalNumber: "196408233234") { statuses { reference } childcareQueue { applications { applicationId } } } }',
      {},
      { token, headers: { 'x-request-id': 'audit-check-1' } },
    );
    expect(response.errors).toBeUndefined();
    // The id the hub answers with is its own, so a client cannot choose what the audit says.
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const rows = await auditRowsFor('196408233234');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorSubject: 'agent-alva',
      actorRole: 'agent',
      plugins: ['childcare-queue'],
      requestId,
      purpose: null,
    });
    expect(rows[0].occurredAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('audits a lookup that reads no department data with an empty plugin list', async () => {
    await hub.graphql('{ person(personalNumber: "189001019802") { personalNumber } }');
    const rows = await auditRowsFor('189001019802');
    expect(rows.map((r) => r.plugins)).toEqual([[]]);
  });

  it('audits a read even when the department failed (the attempt is processing too)', async () => {
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    try {
      await hub.graphql('{ person(personalNumber: "200002292399") { statuses { reference } } }');
    } finally {
      await sandbox.clearFaults();
    }
    const rows = await auditRowsFor('200002292399');
    expect(rows.map((r) => r.plugins)).toEqual([['childcare-queue']]);
  });

  it('records a refused read as a refusal with its reason, and nothing of the person as read', async () => {
    const token = await hub.token('citizen', '199001012385');
    await hub.graphql('{ person(personalNumber: "190001019801") { statuses { reference } } }', {}, { token });
    // Issue 24: every refusal is audited (a citizen reads another person only as their representative).
    expect(await auditRowsFor('190001019801')).toEqual([
      expect.objectContaining({
        actorSubject: '199001012385',
        plugins: [],
        fieldGroups: ['lookup'],
        representation: null,
        refusal: expect.stringMatching(/ingen fullmakt/),
      }),
    ]);
  });

  it('withholds the answer when the audit row cannot be written (fail closed)', async () => {
    const isolated = await startHub({ sandbox, plugins: childcarePluginOnly(sandbox) });
    try {
      await isolated.dataSource.query('DROP TABLE audit_record');
      const { data, errors } = await isolated.graphql(
        '{ person(personalNumber: "199001012385") { statuses { reference } } }',
      );
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions?.code).toBe('INTERNAL');
      expect(JSON.stringify(errors)).not.toContain('FSK-');
    } finally {
      await isolated.close();
    }
  });
});

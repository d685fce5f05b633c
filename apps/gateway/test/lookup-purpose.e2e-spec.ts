import { AuditRecord, Party } from '@frontdoor/core';
import {
  childcarePluginOnly,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/** A lookup carries its purpose into the audit log; configurable to be required of staff. */
describe('purpose of a person lookup', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: childcarePluginOnly(sandbox),
      access: { purpose: { required: true } },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const rowsFor = async (personalNumber: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber });
    return party ? hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party.id } }) : [];
  };

  it('refuses a staff lookup without a purpose when required, reading and auditing nothing', async () => {
    const response = await hub.graphql(
      '{ person(personalNumber: "196408233234") { statuses { reference } } }',
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    expect(response.errors?.[0].message).toContain('Give the open contact or case id, or a short reason');
    expect(await rowsFor('196408233234')).toEqual([]);
  });

  it.each([
    ['blank', '   '],
    ['too long', 'x'.repeat(201)],
  ])('refuses a %s purpose', async (_label, purpose) => {
    const response = await hub.graphql(
      'query($p: String) { person(personalNumber: "196408233234", purpose: $p) { personalNumber } }',
      { p: purpose },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
  });

  it('records the given purpose on the audit row', async () => {
    const response = await hub.graphql(
      '{ person(personalNumber: "190001019801", purpose: "FD-2026-4F7K2Q") { statuses { reference } } }',
    );
    expect(response.errors).toBeUndefined();
    expect((await rowsFor('190001019801')).map((r) => r.purpose)).toEqual(['FD-2026-4F7K2Q']);
  });

  it('does not ask a citizen reading themselves for one, and records it as their own', async () => {
    const token = await hub.token('citizen', '199001012385');
    const response = await hub.graphql(
      '{ person(personalNumber: "199001012385") { statuses { reference } } }',
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect((await rowsFor('199001012385')).map((r) => r.purpose)).toEqual(['egen uppgift']);
  });
});

/**
 * Issue 24: a plugin's actions and lookups carry a purpose too, required of staff where the
 * configuration says so; before, their audit rows had `purpose: null`.
 */
describe('purpose of a plugin action and a plugin lookup', () => {
  const ANNA = '199001012385';
  const ORDER = (key: string, purpose?: string) =>
    `mutation { orderBulkyWastePickup(idempotencyKey: "${key}", ${purpose ? `purpose: "${purpose}", ` : ''}input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${ANNA}" }) { orderId } }`;
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, access: { purpose: { required: true } } });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const orders = async () =>
    ((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length;
  const purposesFor = async (personalNumber: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber });
    const rows = party
      ? await hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party.id } })
      : [];
    return rows.map((r) => r.purpose);
  };

  it('refuses an action without a purpose when required, booking and auditing nothing', async () => {
    const before = await orders();
    const response = await hub.graphql(ORDER('purpose-missing-1'));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    expect(await orders()).toBe(before);
    expect(await purposesFor(ANNA)).toEqual([]);
  });

  it('records the action’s purpose on the audit row of the person it concerns', async () => {
    const response = await hub.graphql(ORDER('purpose-given-1', 'FD-2026-4F7K2Q'));
    expect(response.errors).toBeUndefined();
    expect(await purposesFor(ANNA)).toEqual(['FD-2026-4F7K2Q']);
  });

  it('refuses a plugin lookup without a purpose when required, and takes one that has it', async () => {
    const missing = await hub.graphql('{ buildingPermit(caseNumber: "BN 2026-000123") { caseNumber } }');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const given = await hub.graphql(
      '{ buildingPermit(caseNumber: "BN 2026-000123", purpose: "Bygglovsfråga i telefon") { caseNumber } }',
    );
    expect(given.errors).toBeUndefined();
    expect(given.data).toEqual({ buildingPermit: { caseNumber: 'BN 2026-000123' } });
  });
});

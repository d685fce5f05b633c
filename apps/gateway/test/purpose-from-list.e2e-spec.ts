import { AuditRecord, Party } from '@frontdoor/core';
import {
  DEMO_CASE_SETUP,
  postCallEvent,
  recentDay,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385';
const BERTIL = '196408233234';
const DAY = recentDay(2);

/**
 * Issue 24, item 1: a department the configuration names (`access.purpose.requiredIn`) is read
 * and acted on by staff only with a purpose chosen from the configured list, tied to the case or
 * call when there is one; the others keep answering without it.
 */
describe('purpose from the list, per department', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let agent: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      cases: DEMO_CASE_SETUP,
      access: { purpose: { requiredIn: ['Förskola', 'Avfall och återvinning'] } },
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
    });
    agent = await hub.token('agent', 'agent-purpose', 'Agnes Agent');
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  type Read = {
    person: {
      statuses: { source: string }[];
      sources: { plugin: string; state: string; reason: string | null }[];
    };
  };
  const read = (personalNumber: string, why?: unknown, token = agent) =>
    hub.graphql<Read>(
      `query($pn: String!, $why: PurposeInput) { person(personalNumber: $pn, why: $why) { statuses { source } sources { plugin state reason } } }`,
      { pn: personalNumber, why },
      { token },
    );
  const rowsFor = async (personalNumber: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber });
    return party
      ? hub.dataSource
          .getRepository(AuditRecord)
          .find({ where: { partyId: party.id }, order: { occurredAt: 'ASC' } })
      : [];
  };

  it('offers the configured purposes to staff, and not to citizens', async () => {
    const listed = await hub.graphql<{ purposeReasons: { key: string; needsText: boolean }[] }>(
      '{ purposeReasons { key label needsText } }',
      {},
      { token: agent },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.purposeReasons.map((r) => r.key)).toEqual([
      'samtal',
      'arende',
      'skriftlig-fraga',
      'uppfoljning',
      'annat',
    ]);
    expect(listed.data!.purposeReasons.find((r) => r.key === 'annat')!.needsText).toBe(true);
    const citizen = await hub.graphql(
      '{ purposeReasons { key } }',
      {},
      { token: await hub.token('citizen', ANNA) },
    );
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('withholds the named departments from staff without a purpose from the list, saying why, and answers the rest', async () => {
    const { data, errors } = await read(ANNA);
    expect(errors).toBeUndefined();
    const sources = Object.fromEntries(data!.person.sources.map((s) => [s.plugin, s]));
    for (const plugin of ['childcare-queue', 'waste-collection']) {
      expect(sources[plugin].state).toBe('WITHHELD');
      expect(sources[plugin].reason).toContain('Syfte saknas');
    }
    expect(sources['invoicing'].state).toBe('OK');
    const read_ = new Set(data!.person.statuses.map((s) => s.source));
    expect(read_.has('childcare-queue')).toBe(false);
    expect(read_.has('waste-collection')).toBe(false);
    expect(read_.has('invoicing')).toBe(true);
    // Nothing of the withheld departments is on the audit row: they were not asked.
    const [row] = await rowsFor(ANNA);
    expect(row.plugins).not.toContain('childcare-queue');
    expect(row.purposeReason).toBeNull();
  });

  it('reads them with a purpose from the list, and records the purpose, its text and the call on the audit row', async () => {
    const platform = await hub.token('service', 'telephony-platform');
    const callId = 'purpose-call-1';
    expect(
      (
        await postCallEvent(hub.url, platform, {
          callId,
          event: 'OFFERED',
          at: `${DAY}T09:00:00Z`,
          queue: 'kundtjanst',
          from: '070-123 45 67',
          to: '0920-45 30 00',
        })
      ).status,
    ).toBe(200);
    const { data, errors } = await read(BERTIL, { reason: 'samtal', text: 'Frågar om kön', callId });
    expect(errors).toBeUndefined();
    expect(data!.person.sources.find((s) => s.plugin === 'childcare-queue')!.state).toBe('OK');
    const [row] = await rowsFor(BERTIL);
    expect(row).toMatchObject({
      purposeReason: 'samtal',
      purpose: 'Frågar om kön',
      purposeCallId: callId,
      purposeCaseId: null,
    });
    expect(row.plugins).toContain('childcare-queue');
  });

  it('ties a read to an existing case', async () => {
    const registered = await hub.graphql<{ registerContact: { id: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", personalNumber: "190001019801", summary: "Tunnan" }) { id } }`,
      {},
      { token: agent },
    );
    expect(registered.errors).toBeUndefined();
    const caseId = registered.data!.registerContact.id;
    expect((await read('190001019801', { reason: 'arende', caseId })).errors).toBeUndefined();
    const rows = await rowsFor('190001019801');
    expect(rows.at(-1)).toMatchObject({ purposeReason: 'arende', purposeCaseId: caseId });
  });

  it.each([
    ['an unknown purpose', { reason: 'nyfiken' }, 'why.reason'],
    ['"Annat" without a text', { reason: 'annat' }, 'why.text'],
    ['"Annat" with only spaces', { reason: 'annat', text: '   ' }, 'why.text'],
    ['a text over 200 characters', { reason: 'samtal', text: 'x'.repeat(201) }, 'why.text'],
    [
      'a case that does not exist',
      { reason: 'arende', caseId: '00000000-0000-4000-8000-000000000000' },
      'why.caseId',
    ],
    ['a call that does not exist', { reason: 'samtal', callId: 'no-such-call' }, 'why.callId'],
    ['a case id that is none', { reason: 'arende', caseId: "x' OR 1=1" }, 'why.caseId'],
  ])('refuses %s, reading and auditing nothing', async (_label, why, field) => {
    const before = (await rowsFor('191401682396')).length;
    const response = await read('191401682396', why);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await rowsFor('191401682396')).length).toBe(before);
  });

  it('lets a citizen read their own data in every department without one', async () => {
    const { data, errors } = await read(ANNA, undefined, await hub.token('citizen', ANNA));
    expect(errors).toBeUndefined();
    expect(data!.person.sources.find((s) => s.plugin === 'childcare-queue')!.state).toBe('OK');
  });

  it('refuses a plugin action in a named department without a purpose from the list, and books with one', async () => {
    const order = (key: string, why: string) =>
      hub.graphql<{ orderBulkyWastePickup: { orderId: string } }>(
        `mutation { orderBulkyWastePickup(idempotencyKey: "${key}", ${why} input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${ANNA}" }) { orderId } }`,
        {},
        { token: agent },
      );
    const orders = async () =>
      ((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length;
    const before = await orders();
    const refused = await order('purpose-list-1', 'purpose: "fri text",');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'why' });
    expect(await orders()).toBe(before);
    const booked = await order('purpose-list-2', 'why: { reason: "samtal" },');
    expect(booked.errors).toBeUndefined();
    expect(await orders()).toBe(before + 1);
    expect((await rowsFor(ANNA)).at(-1)).toMatchObject({
      purposeReason: 'samtal',
      fieldGroups: ['orderBulkyWastePickup'],
    });
  });
});

describe('access.purpose.requiredIn naming no installed department', () => {
  it('is refused at start, naming the key', async () => {
    await expect(
      startHub({ plugins: {}, access: { purpose: { requiredIn: ['Försörjningsstöd'] } } }),
    ).rejects.toThrow(/access\.purpose\.requiredIn: unknown department "Försörjningsstöd"/);
  });
});

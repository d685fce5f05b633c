import { randomUUID } from 'node:crypto';
import { PluginHost } from '@frontdoor/gateway';
import { AuditRecord, Party } from '@frontdoor/core';
import { wasteCollectionPlugin } from '@frontdoor/plugin-waste-collection';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const loadModule = () => ({ plugin: wasteCollectionPlugin });
const settings = (sandbox: SandboxHandle) => ({
  'waste-collection': {
    cache: { ttlMs: 0, staleIfErrorMs: 0 },
    connection: sandboxConnection(sandbox, 'waste'),
  },
});

const PERSON = `{ person(personalNumber: "199001012385") {
  statuses { source kind reference title state label dueDate nextStep }
  wasteCollection { properties { propertyId address postalCode city bins { binId type typeLabel sizeLiters interval intervalLabel state label nextPickup } } }
} }`;

describe('waste collection: the nightly export imported, answers from the hub’s own tables', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  const importNow = () => hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: settings(sandbox), loadModule });
    expect(await importNow()).toBe(true);
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('gets exactly its entities’ tables from its own migration, on this database', async () => {
    const pending = await hub.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('shows a customer’s property, bins in pickup order and the next pickups in Swedish', async () => {
    const { data, errors } = await hub.graphql(PERSON);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      person: {
        statuses: [
          {
            source: 'waste-collection',
            kind: 'waste-subscription',
            reference: 'P-1001',
            title: 'Sophämtning, Storgatan 12',
            state: 'IN_PROGRESS',
            label: 'Abonnemang aktivt',
            dueDate: '2026-11-25',
            nextStep: 'Nästa tömning: matavfall 2026-11-25, restavfall 2026-11-27',
          },
        ],
        wasteCollection: {
          properties: [
            {
              propertyId: 'P-1001',
              address: 'Storgatan 12',
              postalCode: '123 45',
              city: 'Exempelstad',
              bins: [
                {
                  binId: 'B-2',
                  type: 'MATAVFALL',
                  typeLabel: 'Matavfall',
                  sizeLiters: 140,
                  interval: 'WEEKLY',
                  intervalLabel: 'varje vecka',
                  state: 'IN_PROGRESS',
                  label: 'Abonnemang aktivt',
                  nextPickup: '2026-11-25',
                },
                {
                  binId: 'B-1',
                  type: 'RESTAVFALL',
                  typeLabel: 'Restavfall',
                  sizeLiters: 190,
                  interval: 'BIWEEKLY',
                  intervalLabel: 'varannan vecka',
                  state: 'IN_PROGRESS',
                  label: 'Abonnemang aktivt',
                  nextPickup: '2026-11-27',
                },
              ],
            },
          ],
        },
      },
    });
  });

  it('reports rejected rows with their line and reason, and imports the rest', async () => {
    const [latest] = await hub.dataSource.query(
      'SELECT rows_imported, rows_rejected, rejections FROM waste_import ORDER BY imported_at DESC LIMIT 1',
    );
    expect(Number(latest.rows_imported)).toBe(5);
    expect(Number(latest.rows_rejected)).toBe(2);
    expect(JSON.parse(latest.rejections)).toEqual([
      { line: 7, reason: 'next_pickup: not a real date' },
      { line: 8, reason: 'size_liters: expected a positive number of liters' },
    ]);
  });

  it('finds a property by address whatever the case and spacing, and audits the customer read', async () => {
    const { data, errors, headers } = await hub.graphql(
      '{ property(address: "  STORGATAN   12, ") { propertyId address bins { binId } dataAsOf } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      property: { propertyId: 'P-1001', address: 'Storgatan 12', bins: [{ binId: 'B-2' }, { binId: 'B-1' }] },
    });
    const party = await hub.dataSource
      .getRepository(Party)
      .findOneByOrFail({ personalNumber: '199001012385' });
    const audit = await hub.dataSource
      .getRepository(AuditRecord)
      .findOneByOrFail({ partyId: party.id, requestId: headers.get('x-request-id')! });
    expect(audit.plugins).toEqual(['waste-collection']);
  });

  it('answers null for an unknown address and BAD_USER_INPUT for one too short to mean anything', async () => {
    expect((await hub.graphql('{ property(address: "Okändgatan 99") { propertyId } }')).data).toEqual({
      property: null,
    });
    const { errors } = await hub.graphql('{ property(address: "a") { propertyId } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'address' });
  });

  it.each(['hang', 'error'] as const)(
    'still answers from imported data when the waste system is %s',
    async (mode) => {
      await sandbox.setFault({ system: 'waste', mode });
      const { data, errors } = await hub.graphql(
        '{ person(personalNumber: "199001012385") { wasteCollection { properties { propertyId } } } }',
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({ person: { wasteCollection: { properties: [{ propertyId: 'P-1001' }] } } });
    },
  );

  it('keeps the previous import when a new export is unreadable (all or nothing)', async () => {
    await sandbox.setFault({ system: 'waste', mode: 'garbage' });
    expect(await importNow()).toBe(false);
    await sandbox.clearFaults();
    const [{ count }] = await hub.dataSource.query('SELECT COUNT(*) AS count FROM waste_bin');
    expect(Number(count)).toBe(5);
  });

  it('books a bulky waste pickup once however often the same request is retried', async () => {
    const key = randomUUID();
    const order = `mutation($key: String!) { orderBulkyWastePickup(idempotencyKey: $key, input: {
      propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa och två stolar", orderedBy: "199001012385" }) { orderId propertyId pickupDate label } }`;
    const first = await hub.graphql(order, { key });
    const retry = await hub.graphql(order, { key });
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    const booked = (
      first.data as { orderBulkyWastePickup: { orderId: string; pickupDate: string; label: string } }
    ).orderBulkyWastePickup;
    expect(booked.pickupDate).toBe('2026-12-01');
    expect(booked.label).toBe(`Grovsopshämtning bokad 2026-12-01 (order ${booked.orderId})`);
    const orders = (await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[];
    expect(orders.filter((o) => (o as { idempotencyKey: string }).idempotencyKey === key)).toHaveLength(1);
  });

  it.each([
    [
      'a description too short',
      '{ propertyId: "P-1001", preferredDate: "2026-12-01", description: "x", orderedBy: "199001012385" }',
      'abcdefgh-1',
      'input.description',
    ],
    [
      'a bad personal number',
      '{ propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "1990" }',
      'abcdefgh-2',
      'input.orderedBy',
    ],
    [
      'a short idempotency key',
      '{ propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "199001012385" }',
      'x',
      'idempotencyKey',
    ],
  ])('refuses an order with %s, booking nothing', async (_label, input, key, field) => {
    const before = ((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length;
    const { errors } = await hub.graphql(
      `mutation { orderBulkyWastePickup(idempotencyKey: "${key}", input: ${input}) { orderId } }`,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length).toBe(
      before,
    );
  });

  it('does not let a citizen order on the department’s behalf', async () => {
    const token = await hub.token('citizen', '199001012385');
    const { errors } = await hub.graphql(
      'mutation { orderBulkyWastePickup(idempotencyKey: "abcdefgh-3", input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "199001012385" }) { orderId } }',
      {},
      { token },
    );
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('waste collection before the first import', () => {
  it('says the data is not there yet instead of claiming the person has no bins', async () => {
    const sandbox = await startSandbox();
    const hub = await startHub({
      sandbox,
      plugins: settings(sandbox),
      loadModule,
      env: { JOBS_IN_PROCESS: 'false' },
    });
    try {
      const { data, errors } = await hub.graphql(
        '{ person(personalNumber: "199001012385") { statuses { reference } } }',
      );
      expect(data).toEqual({ person: { statuses: [] } });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        plugin: 'waste-collection',
      });
      expect(errors?.[0].message).toContain('no export from the waste system has been imported yet');
    } finally {
      await hub.close();
      await sandbox.close();
    }
  });
});

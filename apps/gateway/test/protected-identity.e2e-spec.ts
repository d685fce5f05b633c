import { AuditRecord, Party } from '@frontdoor/core';
import { PluginHost } from '@frontdoor/gateway';
import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Skyddade personuppgifter, end to end through every plugin. Cecilia Carlsson (200002292399)
 * has sekretessmarkering in the population register; she has a childcare application
 * (Förskolan Ugglan, unit U-512), a waste subscription (Björkvägen 7, 123 50: property P-1002,
 * bin B-3) and a permit case (Björken 5:3). None of these whereabouts, nor the ids that lead
 * to them, may reach a reader without clearance.
 */
const CECILIA = '200002292399';
const ANNA = '199001012385';
const CECILIA_WHEREABOUTS = [
  'Björkvägen',
  '123 50',
  'Ugglan',
  'U-512',
  'Björken 5:3',
  'Exempelstad',
  'P-1002',
  'B-3',
];

const PERSON_QUERY = `query ($pn: String!) {
  person(personalNumber: $pn) {
    protectedIdentity
    statuses { source reference title nextStep }
    sources { plugin state }
    populationRecord { givenName address { street postalCode city } municipality confidentialityMarking }
    childcareQueue { applications { preferredUnits { unitId name } offer { unitName } } }
    wasteCollection { properties { propertyId address postalCode city bins { binId } } }
    buildingPermits { caseNumber propertyDesignation }
  }
}`;

interface PersonAnswer {
  person: {
    protectedIdentity: boolean;
    statuses: { source: string; reference: string; title: string; nextStep: string | null }[];
    sources: { plugin: string; state: string }[];
    populationRecord: {
      givenName: string;
      address: { street: string; postalCode: string; city: string } | null;
      municipality: string | null;
      confidentialityMarking: boolean;
    } | null;
    childcareQueue: { applications: { preferredUnits: { unitId: string; name: string }[] }[] } | null;
    wasteCollection: {
      properties: {
        propertyId: string;
        address: string;
        postalCode: string;
        city: string;
        bins: { binId: string }[];
      }[];
    } | null;
    buildingPermits: { caseNumber: string; propertyDesignation: string }[] | null;
  };
}

describe('protected identity: whereabouts from every plugin are blanked, fail closed', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      // No cache on the register, so a failing register is seen at once.
      plugins: allPluginsWithRegister(sandbox, { cache: { ttlMs: 0, staleIfErrorMs: 0 } }),
      cases: DEMO_CASE_SETUP,
      access: { protectedIdentity: { clearedAnswerGroups: ['socialtjanst'] } },
    });
    // The waste answers come from its import: wait for it rather than race the first read.
    await hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const read = async (personalNumber: string, token?: string) => {
    const response = await hub.graphql<PersonAnswer>(
      PERSON_QUERY,
      { pn: personalNumber },
      token ? { token } : {},
    );
    expect(response.errors).toBeUndefined();
    return { person: response.data!.person, text: JSON.stringify(response.data) };
  };

  it('shows an agent that Cecilia is protected, and none of her whereabouts from any plugin', async () => {
    const { person, text } = await read(CECILIA, await hub.token('agent', 'agent-anna'));
    expect(person.protectedIdentity).toBe(true);
    for (const place of CECILIA_WHEREABOUTS) expect(text).not.toContain(place);

    expect(person.populationRecord).toMatchObject({
      givenName: 'Cecilia',
      confidentialityMarking: true,
      address: { street: PROTECTED_TEXT, postalCode: PROTECTED_TEXT, city: PROTECTED_TEXT },
      municipality: PROTECTED_TEXT,
    });
    expect(person.childcareQueue!.applications[0].preferredUnits).toEqual([
      { unitId: PROTECTED_TEXT, name: PROTECTED_TEXT },
    ]);
    expect(person.wasteCollection!.properties).toEqual([
      {
        propertyId: PROTECTED_TEXT,
        address: PROTECTED_TEXT,
        postalCode: PROTECTED_TEXT,
        city: PROTECTED_TEXT,
        bins: [{ binId: PROTECTED_TEXT }],
      },
    ]);
    expect(person.buildingPermits).toEqual([
      { caseNumber: 'BN 2026-000201', propertyDesignation: PROTECTED_TEXT },
    ]);
    // Her matters are still there: the agent can help her without knowing where she lives.
    expect(person.statuses.map((s) => s.source).sort()).toEqual([
      'building-permits',
      'childcare-queue',
      'waste-collection',
    ]);
    expect(person.statuses.find((s) => s.source === 'waste-collection')).toMatchObject({
      reference: PROTECTED_TEXT,
      title: `Sophämtning, ${PROTECTED_TEXT}`,
    });
  });

  it('blanks the property designation when a protected person’s permit is looked up by case number', async () => {
    const response = await hub.graphql<{
      buildingPermit: { caseNumber: string; propertyDesignation: string };
    }>('{ buildingPermit(caseNumber: "BN 2026-000201") { caseNumber propertyDesignation } }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.buildingPermit).toEqual({
      caseNumber: 'BN 2026-000201',
      propertyDesignation: PROTECTED_TEXT,
    });
  });

  it('answers a lookup of a protected customer’s address exactly as for an address nobody has, and audits it', async () => {
    const token = await hub.token('agent', 'agent-prop');
    const lookup = async (address: string) => {
      const { status, data, errors } = await hub.graphql(
        `{ property(address: "${address}") { propertyId address city bins { binId } } }`,
        {},
        { token },
      );
      return { status, data, errors };
    };
    const protectedStreet = await lookup('björkvägen 7');
    const nobodys = await lookup('Ingenstans 999');
    expect(protectedStreet).toEqual({ status: 200, data: { property: null }, errors: undefined });
    expect(protectedStreet).toEqual(nobodys);
    // The attempt on her address is on record for her and for oversight, though nothing was shown.
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: CECILIA });
    const rows = await hub.dataSource
      .getRepository(AuditRecord)
      .findBy({ partyId: party.id, actorSubject: 'agent-prop' });
    expect(rows.map((r) => [r.plugins, r.fieldGroups])).toEqual([[['waste-collection'], ['property']]]);
  });

  it('answers the lookup to a cleared reader, and an unprotected customer’s to anyone', async () => {
    const cleared = await hub.graphql<{ property: { propertyId: string; address: string } }>(
      '{ property(address: "björkvägen 7") { propertyId address } }',
      {},
      { token: await hub.token('case_officer', 'officer-sara') },
    );
    expect(cleared.data!.property).toEqual({ propertyId: 'P-1002', address: 'Björkvägen 7' });
    const anna = await hub.graphql<{ property: { propertyId: string } }>(
      '{ property(address: "storgatan 12") { propertyId } }',
    );
    expect(anna.data!.property).toEqual({ propertyId: 'P-1001' });
  });

  it('refuses an action fed the blank instead of the property id, naming the field, before the department is asked', async () => {
    const orders = async () =>
      ((await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[]).length;
    const before = await orders();
    const { errors } = await hub.graphql(
      `mutation { orderBulkyWastePickup(idempotencyKey: "protected-order-1", input: {
        propertyId: "${PROTECTED_TEXT}", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${CECILIA}" }) { orderId } }`,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.propertyId' });
    expect(await orders()).toBe(before);
  });

  it('shows an unprotected person’s whereabouts as they are', async () => {
    const { person } = await read(ANNA);
    expect(person.protectedIdentity).toBe(false);
    expect(person.populationRecord!.address).toEqual({
      street: 'Storgatan 12',
      postalCode: '123 45',
      city: 'Exempelstad',
    });
    expect(person.wasteCollection!.properties[0]).toMatchObject({
      propertyId: 'P-1001',
      address: 'Storgatan 12',
    });
    expect(person.statuses.find((s) => s.source === 'waste-collection')!.reference).toBe('P-1001');
    expect(person.buildingPermits![0].propertyDesignation).toBe('Sjöstaden 4:12');
  });

  it('shows a cleared reader (an answer group cleared in config) the whereabouts, still marked protected', async () => {
    const { person } = await read(CECILIA, await hub.token('case_officer', 'officer-sara'));
    expect(person.protectedIdentity).toBe(true);
    expect(person.populationRecord!.address!.street).toBe('Björkvägen 7');
    expect(person.wasteCollection!.properties[0]).toMatchObject({
      propertyId: 'P-1002',
      address: 'Björkvägen 7',
    });
  });

  it('does not clear a case officer of another answer group', async () => {
    const { text } = await read(CECILIA, await hub.token('case_officer', 'officer-karin'));
    for (const place of CECILIA_WHEREABOUTS) expect(text).not.toContain(place);
  });

  it('shows Cecilia her own address when she signs in herself', async () => {
    const token = await hub.token('citizen', CECILIA);
    const response = await hub.graphql<{
      me: { person: { protectedIdentity: boolean; populationRecord: { address: { street: string } } } };
    }>('{ me { person { protectedIdentity populationRecord { address { street } } } } }', {}, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.me.person).toEqual({
      protectedIdentity: true,
      populationRecord: { address: { street: 'Björkvägen 7' } },
    });
  });

  it('audits the read with field groups and purpose', async () => {
    const token = await hub.token('agent', 'agent-purpose');
    const response = await hub.graphql(
      '{ person(personalNumber: "200002292399", purpose: "Samtal om sophämtning") { wasteCollection { dataAsOf } statuses { reference } } }',
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: CECILIA });
    const row = await hub.dataSource
      .getRepository(AuditRecord)
      .findOneByOrFail({ partyId: party.id, requestId: response.headers.get('x-request-id')! });
    expect(row).toMatchObject({
      actorSubject: 'agent-purpose',
      actorRole: 'agent',
      purpose: 'Samtal om sophämtning',
    });
    expect(row.fieldGroups).toEqual(['lookup', 'statuses', 'wasteCollection']);
    expect(row.plugins).toEqual([
      'building-permits',
      'childcare-queue',
      'invoicing',
      'population-register',
      'waste-collection',
    ]);
  });

  // Last: three register failures open its circuit breaker for the rest of this file.
  it.each(['error', 'garbage', 'hang'] as const)(
    'treats everyone as protected while the register answers with %s (fail closed)',
    async (mode) => {
      await sandbox.setFault({ system: 'register', mode });
      const response = await hub.graphql<PersonAnswer>(PERSON_QUERY, { pn: ANNA });
      const person = response.data!.person;
      expect(person.protectedIdentity).toBe(true);
      expect(JSON.stringify(response.data)).not.toContain('Storgatan 12');
      expect(person.wasteCollection!.properties[0].address).toBe(PROTECTED_TEXT);
      expect(person.sources.find((s) => s.plugin === 'population-register')!.state).toBe('FAILED');
      // The other departments still answer.
      expect(person.statuses.length).toBeGreaterThan(0);
    },
  );
});

import { PluginHost } from '@frontdoor/gateway';
import {
  allPluginsWithRegister,
  LogLines,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type SandboxSystem,
  type TestHub,
} from '@frontdoor/testing';

/**
 * "Never a silent empty answer": a department's base URL as people write it (with or
 * without the last slash) reaches the department, and one that points where everything is
 * 404 is reported as failed for person reads, queries and actions alike, never as "this
 * person has no matters". The answer says so in plain words; the URL tried is in the log and in
 * readiness, never in an answer (agents and citizens get no internal addresses: issue 21, item 10).
 */
const ALL_FOUR = '199001012385';
const OVERVIEW = `{ person(personalNumber: "${ALL_FOUR}") {
  statuses { source reference }
  sources { plugin state reason }
} }`;

interface Overview {
  person: {
    statuses: { source: string; reference: string }[];
    sources: { plugin: string; state: string; reason: string | null }[];
  };
}

const SYSTEMS: Record<string, SandboxSystem> = {
  'childcare-queue': 'childcare',
  invoicing: 'invoicing',
  'waste-collection': 'waste',
  'building-permits': 'permits',
  'population-register': 'register',
};

/** Every plugin against the sandbox, each base URL rewritten. */
function pluginsWithBase(
  sandbox: SandboxHandle,
  rewrite: (baseUrl: string, system: SandboxSystem) => string,
) {
  const plugins = allPluginsWithRegister(sandbox) as Record<string, { connection: { baseUrl: string } }>;
  for (const [id, system] of Object.entries(SYSTEMS)) {
    const connection = sandboxConnection(sandbox, system);
    plugins[id] = {
      ...plugins[id],
      connection: { ...connection, baseUrl: rewrite(connection.baseUrl, system) },
    };
  }
  return plugins;
}

describe('a department base URL written with or without its last slash', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox?.close());

  it.each([
    ['with', (u: string) => u],
    ['without', (u: string) => u.replace(/\/$/, '')],
  ])(
    'reaches every department %s it: the all-four person has matters in all four, all OK',
    async (_how, rewrite) => {
      const hub = await startHub({ sandbox, plugins: pluginsWithBase(sandbox, rewrite) });
      try {
        await hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');
        const { data, errors } = await hub.graphql<Overview>(OVERVIEW);
        expect(errors).toBeUndefined();
        expect(new Set(data!.person.statuses.map((s) => s.source))).toEqual(
          new Set(['childcare-queue', 'invoicing', 'waste-collection', 'building-permits']),
        );
        expect(data!.person.sources.map((s) => [s.plugin, s.state])).toEqual([
          ['childcare-queue', 'OK'],
          ['invoicing', 'OK'],
          ['waste-collection', 'OK'],
          ['building-permits', 'OK'],
          ['population-register', 'OK'],
        ]);
        const permit = await hub.graphql(`{ buildingPermit(caseNumber: "BN 2026-000123") { caseNumber } }`);
        expect(permit).toMatchObject({ data: { buildingPermit: { caseNumber: 'BN 2026-000123' } } });
      } finally {
        await hub.close();
      }
    },
  );
});

describe('a department base URL where every path answers 404', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  const logs = new LogLines();
  // Building permits pointed one folder off (a typo in the path): the host answers, every path is 404.
  const wrong = (u: string, system: SandboxSystem) =>
    system === 'permits' || system === 'waste' ? `${u}v2/` : u;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: pluginsWithBase(sandbox, wrong),
      env: { LOG_LEVEL: 'warn' },
      logs,
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('is FAILED in sources with a plain reason, and a SOURCE_UNAVAILABLE error, never OK with no matters; the URL tried is in the log', async () => {
    // The person without matters is where a wrong URL would pass for "nothing here".
    for (const pn of [ALL_FOUR, '189001019802']) {
      const response = await hub.graphql<Overview>(OVERVIEW.replace(ALL_FOUR, pn));
      const { data, errors } = response;
      const permits = data!.person.sources.find((s) => s.plugin === 'building-permits')!;
      expect(permits.state).toBe('FAILED');
      expect(permits.reason).toContain('"nothing here" cannot be told from a wrong address');
      expect(JSON.stringify(response)).not.toContain(new URL(sandbox.url).host);
      expect(JSON.stringify(response)).not.toContain('/permits/');
      expect(permits.reason).not.toContain(pn);
      const logged = logs
        .forRequest(response.headers.get('x-request-id')!)
        .filter((l) => l.msg === 'department system call failed' && l.plugin === 'building-permits');
      expect(logged[0]?.detail).toContain(`${sandbox.url}/permits/v2/api/v1/applicants/{personnummer}/cases`);
      expect(logged[0]?.detail).toContain(`${sandbox.url}/permits/v2/api/v1/health`);
      expect(logged[0]?.detail).not.toContain(pn);
      expect(data!.person.statuses.some((s) => s.source === 'building-permits')).toBe(false);
      expect(errors).toContainEqual(
        expect.objectContaining({
          path: ['person', 'statuses'],
          extensions: expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', plugin: 'building-permits' }),
        }),
      );
    }
  });

  it('answers the detail field with null and the error, not an empty list', async () => {
    const { data, errors } = await hub.graphql(
      `{ person(personalNumber: "189001019802") { buildingPermits { caseNumber } } }`,
    );
    expect(data).toEqual({ person: { buildingPermits: null } });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['person', 'buildingPermits'],
        extensions: expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', plugin: 'building-permits' }),
      }),
    ]);
  });

  it('fails a query instead of answering "no such case"', async () => {
    const { data, errors } = await hub.graphql(
      `{ buildingPermit(caseNumber: "BN 2026-999999") { caseNumber } }`,
    );
    expect(data).toEqual({ buildingPermit: null });
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'SOURCE_UNAVAILABLE', plugin: 'building-permits' },
    });
    expect(errors?.[0].message).toContain('"nothing here" cannot be told from a wrong address');
    expect(errors?.[0].message).not.toContain(new URL(sandbox.url).host);
  });

  it('fails an action in plain words, and books nothing', async () => {
    const { errors } = await hub.graphql(
      `mutation { orderBulkyWastePickup(idempotencyKey: "wrong-url-1", input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${ALL_FOUR}" }) { orderId } }`,
    );
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'SOURCE_UNAVAILABLE', plugin: 'waste-collection' },
    });
    expect(errors?.[0].message).toContain('it answered HTTP 404');
    expect(errors?.[0].message).not.toContain(new URL(sandbox.url).host);
    const orders = (await (await fetch(`${sandbox.url}/waste/admin/orders`)).json()) as unknown[];
    expect(orders).toEqual([]);
  });

  it('names the department and the URL in readiness, and stays ready for the others', async () => {
    const response = await fetch(`${hub.url}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { details: { departments: Record<string, unknown> } };
    expect(body.details.departments['building-permits']).toEqual({
      status: 'down',
      url: `${sandbox.url}/permits/v2/api/v1/health`,
      reason: expect.stringContaining('HTTP 404'),
    });
    expect(body.details.departments['childcare-queue']).toEqual({
      status: 'up',
      url: `${sandbox.url}/childcare/api/v1/health`,
    });
  });
});

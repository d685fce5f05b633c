import { invoicingPlugin } from '@frontdoor/plugin-invoicing';
import { startHub, startSandbox, type SandboxHandle, type TestHub } from '@frontdoor/testing';

const loadModule = () => ({ plugin: invoicingPlugin });
const settings = (sandbox: SandboxHandle, secret = 'sandbox-invoicing-secret') => ({
  invoicing: {
    cache: { ttlMs: 0, staleIfErrorMs: 0 },
    breaker: { consecutiveFailures: 100, halfOpenAfterMs: 60_000 },
    connection: {
      baseUrl: `${sandbox.url}/invoicing/`,
      auth: { scheme: 'oauth2-client-credentials', clientId: 'frontdoor-sandbox', clientSecret: secret },
    },
    config: { pageSize: 2 },
  },
});

const QUERY = `query($pn: String!) { person(personalNumber: $pn) {
  statuses { source reference state label dueDate nextStep }
  invoices { invoiceNumber amountText remainingOre statusCode label lines { explanation } }
} }`;

async function stats(sandbox: SandboxHandle): Promise<{ tokensIssued: number; apiCalls: number }> {
  return (await (await fetch(`${sandbox.url}/invoicing/admin/stats`)).json()) as {
    tokensIssued: number;
    apiCalls: number;
  };
}

describe('invoicing: OAuth2 client credentials, paged results', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: settings(sandbox), loadModule });
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('reads every page of a customer’s invoices and explains them', async () => {
    const { data, errors } = await hub.graphql(QUERY, { pn: '199001012385' });
    expect(errors).toBeUndefined();
    const person = (data as { person: { statuses: unknown[]; invoices: { invoiceNumber: string }[] } })
      .person;
    expect(person.invoices.map((i) => i.invoiceNumber)).toEqual([
      '2026-10045',
      '2026-09031',
      '2026-08017',
      '2026-07002',
      '2026-06950',
    ]);
    expect(person.invoices[0]).toEqual({
      invoiceNumber: '2026-10045',
      amountText: '1 750 kr',
      remainingOre: 175_000,
      statusCode: 'SENT',
      label: 'Obetald',
      lines: [
        { explanation: 'Avgift för förskola, november: 1 250 kr' },
        { explanation: 'Vatten och avlopp, fast avgift, november: 500 kr' },
      ],
    });
    expect(person.statuses[0]).toEqual({
      source: 'invoicing',
      reference: '2026-10045',
      state: 'WAITING_FOR_CUSTOMER',
      label: 'Obetald',
      dueDate: '2026-12-05',
      nextStep: 'Betala 1 750 kr senast 2026-12-05',
    });
  });

  it('shows reminders and debt collection for a customer in arrears', async () => {
    const { data } = await hub.graphql(QUERY, { pn: '196408233234' });
    const labels = (data as { person: { statuses: { label: string }[] } }).person.statuses
      .map((s) => s.label)
      .sort();
    expect(labels).toEqual(['Påminnelse skickad', 'Skickad till inkasso']);
  });

  it('caches the token: more reads, no more token requests', async () => {
    const before = await stats(sandbox);
    await hub.graphql(QUERY, { pn: '199001012385' });
    await hub.graphql(QUERY, { pn: '191401682396' });
    const after = await stats(sandbox);
    expect(after.tokensIssued).toBe(before.tokensIssued);
    expect(after.apiCalls).toBeGreaterThan(before.apiCalls);
  });

  it('renews a revoked token once and retries, without an error', async () => {
    await fetch(`${sandbox.url}/invoicing/admin/revoke-tokens`, { method: 'POST' });
    const before = await stats(sandbox);
    const { errors, data } = await hub.graphql(QUERY, { pn: '191401682396' });
    expect(errors).toBeUndefined();
    expect((data as { person: { invoices: unknown[] } }).person.invoices).toHaveLength(1);
    expect((await stats(sandbox)).tokensIssued).toBe(before.tokensIssued + 1);
  });

  it.each([
    ['error', 'SOURCE_UNAVAILABLE'],
    ['garbage', 'SOURCE_INVALID_RESPONSE'],
  ] as const)('reports a %s from the invoicing system as %s', async (mode, code) => {
    await sandbox.setFault({ system: 'invoicing', mode });
    const { data, errors } = await hub.graphql(QUERY, { pn: '199001012385' });
    expect(data).toEqual({ person: { statuses: [], invoices: null } });
    expect(errors?.map((e) => e.extensions)).toEqual([
      { code, plugin: 'invoicing', department: 'Ekonomi, fakturor' },
      { code, plugin: 'invoicing', department: 'Ekonomi, fakturor' },
    ]);
  });
});

describe('invoicing with a wrong client secret', () => {
  it('says the invoicing system is unavailable, and never shows the secret', async () => {
    const sandbox = await startSandbox();
    const hub = await startHub({ sandbox, plugins: settings(sandbox, 'wrong-secret-4711'), loadModule });
    try {
      const { errors } = await hub.graphql(QUERY, { pn: '199001012385' });
      expect(errors?.[0].extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', plugin: 'invoicing' });
      expect(errors?.[0].message).toContain('HTTP 401');
      expect(JSON.stringify(errors)).not.toContain('wrong-secret-4711');
    } finally {
      await hub.close();
      await sandbox.close();
    }
  });
});

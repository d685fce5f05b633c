import { DEMO_CASE_SETUP, startHub, TestClock, type TestHub } from '@frontdoor/testing';

/**
 * Coverage and avoidable contacts over GraphQL and CSV (issue 26, decision 0086): this hub has
 * only the childcare-queue plugin, so of the demo's categories only barnomsorgsplats
 * is answered by a department system.
 */
describe('coverage and avoidable contacts over GraphQL and CSV', () => {
  let hub: TestHub;
  let agent: string;
  let manager: string;
  const month = '2026-11'; // the test clock's

  beforeAll(async () => {
    hub = await startHub({
      // Never called here: the figures come from the contacts, not from the department system.
      plugins: {
        'childcare-queue': {
          connection: { baseUrl: 'http://127.0.0.1:9/childcare/', auth: { scheme: 'api-key', key: 'k' } },
        },
      },
      cases: DEMO_CASE_SETUP,
      clock: new TestClock(),
    });
    agent = await hub.token('agent', 'agent-alva');
    manager = await hub.token('manager', 'manager-maria');
    const register = async (input: string) => {
      const { errors } = await hub.graphql(
        `mutation { registerContact(input: ${input}) { id } }`,
        {},
        { token: agent },
      );
      expect(errors).toBeUndefined();
    };
    await register(
      '{ channel: PHONE, categoryKey: "barnomsorgsplats", summary: "Var i kön?", resolvedAtFirstLine: true, resolution: "Plats 4", contactReason: STATUS_QUESTION }',
    );
    // Open at the first line, not forwarded: counted as a contact, not yet decided.
    await register(
      '{ channel: PHONE, categoryKey: "barnomsorgsplats", summary: "Vill söka", contactReason: WANTS_TO_APPLY }',
    );
    await register(
      '{ channel: PHONE, categoryKey: "avfall", summary: "Tömning", resolvedAtFirstLine: true, resolution: "Tisdagar", contactReason: STATUS_QUESTION }',
    );
  });
  afterAll(() => hub?.close());

  it('shows the share of contacts a department system answers, and first-line resolution in and outside them', async () => {
    const { data, errors } = await hub.graphql(
      `query($month: String!) { contactCoverage(month: $month) { month contacts answeredContacts answeredShare
        answered { contacts resolved decided share } others { contacts resolved decided share } } }`,
      { month },
      { token: agent },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      contactCoverage: {
        month,
        contacts: 3,
        answeredContacts: 2,
        answeredShare: 0.667,
        answered: { contacts: 2, resolved: 1, decided: 1, share: 1 },
        others: { contacts: 1, resolved: 1, decided: 1, share: 1 },
      },
    });
  });

  it('ranks the avoidable contacts for managers only (a status question where a system answers)', async () => {
    const query = `query($month: String!) { avoidableContacts(month: $month) { month previousMonth totalContacts
      rows { answeredBy categoryKey contacts agentMinutes withoutCall previousContacts } } }`;
    const { data, errors } = await hub.graphql(query, { month }, { token: manager });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      avoidableContacts: {
        month,
        previousMonth: '2026-10',
        totalContacts: 1,
        rows: [
          {
            answeredBy: 'childcare-queue',
            categoryKey: 'barnomsorgsplats',
            contacts: 1,
            agentMinutes: 0,
            withoutCall: 1,
            previousContacts: 0,
          },
        ],
      },
    });
    const refused = await hub.graphql(query, { month }, { token: agent });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a month that is not YYYY-MM, and a contact reason not on the list', async () => {
    const bad = await hub.graphql('{ contactCoverage(month: "2026-13") { contacts } }', {}, { token: agent });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const reason = await hub.graphql(
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "x", contactReason: BORED }) { id } }',
      {},
      { token: agent },
    );
    expect(reason.errors).toBeDefined();
    expect(reason.data ?? null).toBeNull();
  });

  it('serves the coverage as CSV to staff, and to nobody else', async () => {
    const url = `${hub.url}/reports/contact-coverage.csv?month=${month}`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${agent}` } });
    expect(ok.status).toBe(200);
    const csv = await ok.text();
    expect(csv).toContain('2026-11;Besvaras av verksamhetssystem;2;66,7;1;1;100,0');
    expect(csv).toContain('2026-11;Övriga;1;;1;1;100,0');
    expect((await fetch(url)).status).toBe(401);
    const bad = await fetch(`${hub.url}/reports/contact-coverage.csv?month=x`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(bad.status).toBe(400);
  });

  it('refuses to start with a category answered by a plugin that is not installed, naming it', async () => {
    await expect(
      startHub({
        plugins: {},
        cases: { categories: [{ key: 'fakturor', name: 'Fakturor', answeredBy: 'invoicing' }] },
      }),
    ).rejects.toThrow(
      'cases.categories[0].answeredBy: "invoicing" (category "fakturor") is no installed plugin (installed: none)',
    );
  });
});

import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '@frontdoor/dept-sandbox';

/** The sandbox's income-support system (ekonomiskt bistånd): monthly applications per applicant. */
describe('the sandbox income-support system', () => {
  let app: FastifyInstance;
  let url: string;
  const key = { 'x-api-key': 'sandbox-income-support-key' };
  const applications = (pn: string, headers: Record<string, string> = key) =>
    fetch(`${url}/income-support/api/v1/clients/${pn}/applications`, { headers });

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-11-24' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());
  afterEach(() => fetch(`${url}/admin/faults`, { method: 'DELETE' }));

  it('answers Bertil Berg’s December application decided, with a payment date ahead, and November paid', async () => {
    const response = await applications('196408233234');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { applications: Record<string, unknown>[] };
    expect(body).toMatchObject({ clientPersonalNumber: '196408233234', caseFileNumber: 'SOC-EB-2019-0457' });
    expect(body.applications).toMatchObject([
      {
        applicationId: 'FB-2026-12-0457',
        period: '2026-12',
        state: 'DECIDED',
        decision: { outcome: 'GRANTED', amountSek: 7230 },
        payment: { plannedDate: '2026-12-01', paidAt: null },
      },
      { period: '2026-11', state: 'PAID', payment: { paidAt: expect.any(String) } },
    ]);
  });

  it('answers Cecilia Carlsson’s application waiting for documents, each with the day it is needed by', async () => {
    const body = (await (await applications('200002292399')).json()) as {
      applications: { state: string; missingDocuments: { requestedBy: string }[] }[];
    };
    expect(body.applications[0].state).toBe('SUPPLEMENT_REQUESTED');
    expect(body.applications[0].missingDocuments.map((d) => d.requestedBy)).toEqual([
      '2026-11-29',
      '2026-11-29',
    ]);
  });

  it('needs its API key, refuses a malformed personal number, and says 404 for Anna Andersson who never applied', async () => {
    expect((await applications('196408233234', {})).status).toBe(401);
    expect((await applications('19640823323', key)).status).toBe(400);
    expect((await applications('199001012385')).status).toBe(404);
  });

  it.each([
    ['error', 500],
    ['garbage', 200],
  ])('fails as told (%s) until the fault is cleared', async (mode, status) => {
    await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'income-support', mode }),
    });
    const faulty = await applications('196408233234');
    expect(faulty.status).toBe(status);
    if (mode === 'garbage') expect(await faulty.text()).toContain('§§§');
    await fetch(`${url}/admin/faults`, { method: 'DELETE' });
    expect((await applications('196408233234')).status).toBe(200);
  });
});

import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '@frontdoor/dept-sandbox';

describe('the department sandbox', () => {
  let app: FastifyInstance;
  let url: string;
  const key = { 'x-api-key': 'sandbox-childcare-key' };

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-11-24' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());
  afterEach(() => fetch(`${url}/admin/faults`, { method: 'DELETE' }));

  it('lists demo people with Skatteverket test numbers and tags', async () => {
    const people = (await (await fetch(`${url}/demo/people`)).json()) as {
      personalNumber: string;
      tags: string[];
    }[];
    expect(people.length).toBeGreaterThanOrEqual(5);
    for (const tag of ['childcare-queue', 'childcare-offer', 'protected-identity', 'no-matters']) {
      expect(people.some((p) => p.tags.includes(tag))).toBe(true);
    }
    for (const p of people) expect(p.personalNumber).toMatch(/^\d{12}$/);
  });

  it('answers applications per guardian, dated from its today', async () => {
    const response = await fetch(`${url}/childcare/api/v1/guardians/199001012385/applications`, {
      headers: key,
    });
    const body = (await response.json()) as { applications: Record<string, unknown>[] };
    expect(response.status).toBe(200);
    expect(body.applications[0]).toMatchObject({
      applicationId: 'FSK-2026-0412',
      status: 'OFFERED',
      offer: { answerBy: '2026-12-05', answered: false },
    });
  });

  it('needs its API key, and says 404 for a stranger', async () => {
    expect((await fetch(`${url}/childcare/api/v1/guardians/199001012385/applications`)).status).toBe(401);
    expect(
      (await fetch(`${url}/childcare/api/v1/guardians/189001019802/applications`, { headers: key })).status,
    ).toBe(404);
  });

  it('injects faults and clears them', async () => {
    const set = await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'childcare', mode: 'error' }),
    });
    expect(set.status).toBe(204);
    expect(await (await fetch(`${url}/admin/faults`)).json()).toEqual([
      { system: 'childcare', mode: 'error' },
    ]);
    expect((await fetch(`${url}/childcare/api/v1/health`, { headers: key })).status).toBe(500);
    await fetch(`${url}/admin/faults`, { method: 'DELETE' });
    expect((await fetch(`${url}/childcare/api/v1/health`, { headers: key })).status).toBe(200);
  });

  it('answers garbage when asked to', async () => {
    await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'childcare', mode: 'garbage' }),
    });
    const body = (await (
      await fetch(`${url}/childcare/api/v1/guardians/199001012385/applications`, { headers: key })
    ).json()) as { applications: unknown };
    expect(Array.isArray(body.applications)).toBe(false);
  });

  it.each([
    [{ system: 'payroll', mode: 'error' }, 'system'],
    [{ system: 'childcare', mode: 'explode' }, 'mode'],
    [{ system: 'childcare', mode: 'slow', delayMs: -5 }, 'delayMs'],
  ])('refuses a bad fault %p', async (fault, key) => {
    const response = await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(key);
  });
});

import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '@frontdoor/dept-sandbox';

const ELSA = '201708142425';
const TILDE = '202402292383';
const NOBODY = '189001019802';

/** The sandbox's Barn och unga system: what the plugin's contract and e2e tests do not reach. */
describe('the sandbox’s Barn och unga system', () => {
  let app: FastifyInstance;
  let url: string;
  const headers = { 'x-api-key': 'sandbox-child-youth-key', 'content-type': 'application/json' };
  const matters = (pn: string, h: Record<string, string> = headers) =>
    fetch(`${url}/child-youth/api/v1/children/${pn}/matters`, { headers: h });
  const post = (pn: string, body: unknown, key: string | null = `key-${Math.random()}`) =>
    fetch(`${url}/child-youth/api/v1/children/${pn}/callback-requests`, {
      method: 'POST',
      headers: key ? { ...headers, 'idempotency-key': key } : headers,
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-12-05' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());

  it('refuses a caller without its API key, a personal number that is none, and a child it does not know', async () => {
    expect((await matters(ELSA, {})).status).toBe(401);
    expect((await matters('2017')).status).toBe(400);
    expect((await matters(NOBODY)).status).toBe(404);
    // The request log proves from the department's side who was asked about.
    const logged = (await (await fetch(`${url}/admin/requests?system=child-youth`)).json()) as {
      path: string;
    }[];
    expect(logged.map((r) => r.path)).toContain(`/child-youth/api/v1/children/${NOBODY}/matters`);
  });

  it('gives an investigation four months from its start, and marks Tilde’s closed to the guardians', async () => {
    const elsa = (await (await matters(ELSA)).json()) as {
      caseOfficer: { name: string };
      investigations: { startedOn: string; dueOn: string; confidentialFromGuardians: boolean }[];
    };
    expect(elsa.caseOfficer.name).toBe('Lina Ek');
    expect(elsa.investigations[0]).toMatchObject({
      startedOn: '2026-10-26',
      dueOn: '2027-02-26',
      confidentialFromGuardians: false,
    });
    const tilde = (await (await matters(TILDE)).json()) as {
      investigations: { confidentialFromGuardians: boolean }[];
    };
    expect(tilde.investigations.map((i) => i.confidentialFromGuardians)).toEqual([true]);
  });

  it('takes a callback once per idempotency key, refuses one without a key or for a child it does not know', async () => {
    const body = { callbackNumber: '0701234567', message: 'Ring mamma' };
    const first = await post(ELSA, body, 'same-key-1');
    expect(first.status).toBe(201);
    const again = await post(ELSA, body, 'same-key-1');
    expect(await again.json()).toEqual(await first.json());
    expect((await post(ELSA, body, null)).status).toBe(400);
    expect((await post(ELSA, { callbackNumber: 'ring', message: 'x' })).status).toBe(400);
    expect(await (await post(NOBODY, body)).json()).toEqual({ outcome: 'REFUSED', reason: 'UNKNOWN_CHILD' });
    const taken = (await (await fetch(`${url}/child-youth/admin/callback-requests`)).json()) as unknown[];
    expect(taken).toHaveLength(1);
    const read = (await (await matters(ELSA)).json()) as { callbackRequests: { status: string }[] };
    expect(read.callbackRequests.map((r) => r.status)).toEqual(['RECEIVED']);
  });

  it('answers with each fault the board sets, like every system', async () => {
    await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'child-youth', mode: 'error' }),
    });
    expect((await matters(ELSA)).status).toBe(500);
    await fetch(`${url}/admin/faults`, { method: 'DELETE' });
    expect((await matters(ELSA)).status).toBe(200);
  });
});

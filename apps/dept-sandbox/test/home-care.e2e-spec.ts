import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '@frontdoor/dept-sandbox';

const OLGA = '190001019801';
const BERTIL = '196408233234';

/** The sandbox's home-care system: what the plugin's contract and e2e tests do not reach. */
describe('the sandbox’s home-care system', () => {
  let app: FastifyInstance;
  let url: string;
  const headers = { 'x-api-key': 'sandbox-homecare-key', 'content-type': 'application/json' };
  const post = (pn: string, body: unknown, key: string | null = `key-${Math.random()}`) =>
    fetch(`${url}/homecare/api/v1/clients/${pn}/change-requests`, {
      method: 'POST',
      headers: key ? { ...headers, 'idempotency-key': key } : headers,
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-11-24' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());

  it('refuses a caller without its API key', async () => {
    const response = await fetch(`${url}/homecare/api/v1/clients/${OLGA}`);
    expect(response.status).toBe(401);
  });

  it('plans two weeks of visits from the day asked, and refuses a bad question with 400', async () => {
    const response = await fetch(`${url}/homecare/api/v1/clients/${OLGA}/visits?from=2026-11-24&days=1`, {
      headers,
    });
    const { visits } = (await response.json()) as { visits: { date: string; from: string }[] };
    expect(visits.map((v) => `${v.date} ${v.from}`)).toEqual([
      '2026-11-24 08:00',
      '2026-11-24 12:00',
      '2026-11-24 19:30',
    ]);
    expect((await fetch(`${url}/homecare/api/v1/clients/${OLGA}/visits?from=igår`, { headers })).status).toBe(
      400,
    );
    expect(
      (await fetch(`${url}/homecare/api/v1/clients/189001019802/visits?from=2026-11-24`, { headers })).status,
    ).toBe(404);
  });

  it.each([
    [BERTIL, { kind: 'MESSAGE', message: 'Hej' }, 'NO_GRANTED_DECISION'],
    ['189001019802', { kind: 'MESSAGE', message: 'Hej' }, 'UNKNOWN_CLIENT'],
    [OLGA, { kind: 'CANCEL_VISIT', visitId: 'V-OO-20261101-0800', message: 'Hej' }, 'UNKNOWN_VISIT'],
    [
      OLGA,
      { kind: 'PAUSE_VISITS', pauseFrom: '2026-11-01', pauseTo: '2026-11-10', message: 'Hej' },
      'PAUSE_IN_PAST',
    ],
  ])('refuses for %s %p with its reason: %s', async (pn, body, reason) => {
    const response = await post(pn, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'REFUSED', reason });
  });

  it('wants an idempotency key and a body it understands', async () => {
    expect((await post(OLGA, { kind: 'MESSAGE', message: 'Hej' }, null)).status).toBe(400);
    expect((await post(OLGA, { kind: 'MOVE', message: 'Hej' })).status).toBe(400);
  });

  it('takes a change once per key and shows it in the client’s next read', async () => {
    const body = { kind: 'CANCEL_VISIT', visitId: 'V-OO-20261125-1200', message: 'Äter hos dottern' };
    const first = await post(OLGA, body, 'same-key-1');
    const again = await post(OLGA, body, 'same-key-1');
    expect(first.status).toBe(201);
    const taken = (await first.json()) as { request: { requestId: string } };
    expect(await again.json()).toEqual(taken);
    const client = (await (await fetch(`${url}/homecare/api/v1/clients/${OLGA}`, { headers })).json()) as {
      changeRequests: { requestId: string }[];
    };
    expect(client.changeRequests.map((r) => r.requestId)).toEqual([taken.request.requestId]);
  });
});

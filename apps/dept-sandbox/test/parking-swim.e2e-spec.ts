import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '@frontdoor/dept-sandbox';

const ANNA = '199001012385';
const BERTIL = '196408233234';

/** The sandbox's parking and bath systems: what the plugins' contract and e2e tests do not reach. */
describe('the sandbox’s parking and bath systems', () => {
  let app: FastifyInstance;
  let url: string;
  const parking = { 'x-api-key': 'sandbox-parking-key', 'content-type': 'application/json' };
  const swim = { 'x-api-key': 'sandbox-swim-key', 'content-type': 'application/json' };
  const post = (path: string, headers: Record<string, string>, body: unknown, key: string | null) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: key ? { ...headers, 'idempotency-key': key } : headers,
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-11-24' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());

  it.each([`/parking/api/v1/persons/${ANNA}`, `/swim/api/v1/customers/${ANNA}`])(
    'refuses a caller without its API key at %s',
    async (path) => {
      expect((await fetch(`${url}${path}`)).status).toBe(401);
    },
  );

  it('answers 404 for a person neither system knows', async () => {
    expect((await fetch(`${url}/parking/api/v1/persons/189001019802`, { headers: parking })).status).toBe(
      404,
    );
    expect((await fetch(`${url}/swim/api/v1/customers/189001019802`, { headers: swim })).status).toBe(404);
  });

  it('dates the demo from its today: Bertil’s fine is due in three days', async () => {
    const body = (await (
      await fetch(`${url}/parking/api/v1/persons/${BERTIL}`, { headers: parking })
    ).json()) as {
      fines: { fineId: string; dueDate: string; owner?: string }[];
    };
    expect(body.fines).toEqual([
      expect.objectContaining({ fineId: 'FP-2026-004711', dueDate: '2026-11-27' }),
    ]);
    expect(body.fines[0].owner).toBeUndefined();
  });

  it('takes no review or cancellation without an idempotency key, nor with a bad body', async () => {
    const review = { personalNumber: BERTIL, reason: 'OTHER', message: 'Jag stod inte där.' };
    expect((await post('/parking/api/v1/fines/FP-2026-004711/reviews', parking, review, null)).status).toBe(
      400,
    );
    expect(
      (
        await post(
          '/parking/api/v1/fines/FP-2026-004711/reviews',
          parking,
          { ...review, reason: 'X' },
          'key-12345678',
        )
      ).status,
    ).toBe(400);
    expect(
      (await post('/swim/api/v1/bookings/SB-2026-90311/cancellation', swim, { personalNumber: BERTIL }, null))
        .status,
    ).toBe(400);
    expect((await (await fetch(`${url}/parking/admin/reviews`)).json()) as unknown[]).toEqual([]);
    expect((await (await fetch(`${url}/swim/admin/cancellations`)).json()) as unknown[]).toEqual([]);
  });

  it('answers a retried cancellation as the first, and a new one as already cancelled', async () => {
    const first = await post(
      '/swim/api/v1/bookings/SB-2026-90311/cancellation',
      swim,
      { personalNumber: BERTIL },
      'key-aaaaaaaa',
    );
    const retry = await post(
      '/swim/api/v1/bookings/SB-2026-90311/cancellation',
      swim,
      { personalNumber: BERTIL },
      'key-aaaaaaaa',
    );
    const again = await post(
      '/swim/api/v1/bookings/SB-2026-90311/cancellation',
      swim,
      { personalNumber: BERTIL },
      'key-bbbbbbbb',
    );
    const firstBody = await first.json();
    expect(firstBody).toMatchObject({
      outcome: 'CANCELLED',
      booking: { bookingId: 'SB-2026-90311', status: 'CANCELLED' },
    });
    expect(await retry.json()).toEqual(firstBody);
    expect(await again.json()).toEqual({ outcome: 'REFUSED', reason: 'ALREADY_CANCELLED' });
    expect((await (await fetch(`${url}/swim/admin/cancellations`)).json()) as unknown[]).toHaveLength(1);
  });

  it.each(['parking', 'swim'] as const)('takes the faults the other systems do (%s)', async (system) => {
    const set = await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system, mode: 'error' }),
    });
    expect(set.status).toBe(204);
    expect(
      (await fetch(`${url}/${system}/api/v1/health`, { headers: system === 'parking' ? parking : swim }))
        .status,
    ).toBe(500);
    await fetch(`${url}/admin/faults?system=${system}`, { method: 'DELETE' });
    expect(
      (await fetch(`${url}/${system}/api/v1/health`, { headers: system === 'parking' ? parking : swim }))
        .status,
    ).toBe(200);
  });
});

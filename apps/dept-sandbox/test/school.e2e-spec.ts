import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '@frontdoor/dept-sandbox';

const ANNA = '199001012385';
const ELSA = '201708142425';
const BERTIL = '196408233234';

/** The sandbox's school administration system: what the plugin's contract and e2e tests do not reach. */
describe('the sandbox’s school administration system', () => {
  let app: FastifyInstance;
  let url: string;
  const headers = { 'x-api-key': 'sandbox-school-key', 'content-type': 'application/json' };
  const report = (body: unknown, key: string | null, pupil = ELSA) =>
    fetch(`${url}/school/api/v1/pupils/${pupil}/absences`, {
      method: 'POST',
      headers: key ? { ...headers, 'idempotency-key': key } : headers,
      body: JSON.stringify(body),
    });
  const sick = { date: '2026-11-25', partOfDay: 'MORNING', reason: 'SICK', reportedBy: ANNA };

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-11-24' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());

  it('refuses a caller without its API key, and answers 404 for a person it does not know', async () => {
    expect((await fetch(`${url}/school/api/v1/persons/${ELSA}`)).status).toBe(401);
    expect((await fetch(`${url}/school/api/v1/persons/189001019802`, { headers })).status).toBe(404);
  });

  it('dates the demo from its today: the pupil with school and class, the guardian with what she reported', async () => {
    const elsa = await (await fetch(`${url}/school/api/v1/persons/${ELSA}`, { headers })).json();
    expect(elsa).toMatchObject({
      pupil: {
        school: 'Norrbyskolan',
        className: '3B',
        absences: [{ date: '2026-11-13' }, { date: '2026-11-19' }],
      },
      reported: [],
    });
    expect(JSON.stringify(elsa)).not.toContain('guardians');
    const anna = await (await fetch(`${url}/school/api/v1/persons/${ANNA}`, { headers })).json();
    expect(anna).toMatchObject({
      pupil: null,
      reported: [{ pupilGivenName: 'Elsa' }, { pupilGivenName: 'Elsa' }],
    });
  });

  it('books a report once per Idempotency-Key, refuses an overlapping one and a non-guardian, and needs the key', async () => {
    expect((await report(sick, null)).status).toBe(400);
    const first = await report(sick, 'school-key-1');
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const retry = await report(sick, 'school-key-1');
    expect(await retry.json()).toEqual(firstBody);
    expect(await (await report({ ...sick, partOfDay: 'FULL_DAY' }, 'school-key-2')).json()).toEqual({
      outcome: 'REFUSED',
      reason: 'ALREADY_REPORTED',
    });
    expect(await (await report({ ...sick, reportedBy: BERTIL }, 'school-key-3')).json()).toEqual({
      outcome: 'REFUSED',
      reason: 'NOT_GUARDIAN',
    });
    expect(await (await report(sick, 'school-key-4', BERTIL)).json()).toEqual({
      outcome: 'REFUSED',
      reason: 'UNKNOWN_PUPIL',
    });
    expect((await report({ ...sick, partOfDay: 'LUNCH' }, 'school-key-5')).status).toBe(400);
    expect((await (await fetch(`${url}/school/admin/absences`)).json()) as unknown[]).toHaveLength(1);
  });

  it.each(['error', 'garbage'] as const)('takes the faults the other systems do (%s)', async (mode) => {
    const set = await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'school', mode }),
    });
    expect(set.status).toBe(204);
    const faulty = await fetch(`${url}/school/api/v1/persons/${ELSA}`, { headers });
    if (mode === 'error') expect(faulty.status).toBe(500);
    // Garbage: an answer, but not the school system's shape (no pupil, no reported).
    else expect(await faulty.json()).not.toHaveProperty('pupil');
    await fetch(`${url}/admin/faults?system=school`, { method: 'DELETE' });
    expect((await fetch(`${url}/school/api/v1/health`, { headers })).status).toBe(200);
  });
});

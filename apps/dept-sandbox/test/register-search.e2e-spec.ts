import type { FastifyInstance } from 'fastify';
import { buildSandbox, namesakes, SEARCH_CAP } from '@frontdoor/dept-sandbox';

/** The population register's person search, SPAR-like: by name and address, capped, no protected identities. */
describe('sandbox population register: person search', () => {
  let app: FastifyInstance;
  let url: string;
  const key = { 'x-api-key': 'sandbox-register-key' };

  beforeAll(async () => {
    app = buildSandbox({ today: '2026-11-24', extraRegisterRecords: namesakes('Lindqvist', SEARCH_CAP + 5) });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());
  afterEach(() => fetch(`${url}/admin/faults`, { method: 'DELETE' }));

  const search = async (query: Record<string, string>, headers: Record<string, string> = key) => {
    const response = await fetch(`${url}/register/api/v1/person-search?${new URLSearchParams(query)}`, {
      headers,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const numbers = (body: Record<string, unknown>) =>
    (body.people as { personalNumber: string }[]).map((p) => p.personalNumber);

  it('finds by the start of each name, case and order aside, with the whole register record', async () => {
    const { status, body } = await search({ name: 'andersson ann' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ tooMany: false, total: 1 });
    expect(body.people).toEqual([
      expect.objectContaining({
        personalNumber: '199001012385',
        givenName: 'Anna',
        surname: 'Andersson',
        address: { careOf: null, street: 'Storgatan 12', postalCode: '123 45', city: 'Exempelstad' },
        confidentialityMarking: false,
      }),
    ]);
  });

  it('narrows by address, postcode and birth year', async () => {
    // Anna and her daughters Tilde and Elsa live there.
    expect(numbers((await search({ address: 'storgatan 12' })).body)).toEqual([
      '199001012385',
      '201708142425',
      '202402292383',
    ]);
    expect(numbers((await search({ name: 'Berg', postalCode: '12347' })).body)).toEqual(['196408233234']);
    expect(numbers((await search({ name: 'Berg', postalCode: '123 45' })).body)).toEqual([]);
    expect(numbers((await search({ name: 'Anna', birthYear: '1990' })).body)).toEqual(['199001012385']);
    expect(numbers((await search({ name: 'Anna', birthYear: '1991' })).body)).toEqual([]);
  });

  it('never finds a protected person, by name or at their address', async () => {
    const nobody = await search({ name: 'Zyxwvu' });
    for (const query of [
      { name: 'Cecilia Carlsson' } as Record<string, string>,
      { address: 'Björkvägen 7' },
      { name: 'Carlsson', postalCode: '123 50' },
    ]) {
      expect(await search(query)).toEqual(nobody);
    }
  });

  it(`lists at most ${SEARCH_CAP}: beyond that, "too many" with the count and nobody listed`, async () => {
    expect((await search({ name: 'Lindqvist' })).body).toEqual({
      tooMany: true,
      total: SEARCH_CAP + 5,
      people: [],
    });
    const narrowed = await search({ name: 'Lindqvist', address: 'Namnlösa gatan 1' });
    expect(narrowed.body).toMatchObject({ tooMany: false, total: 11 }); // 1 and 10–19
  });

  it.each([
    [{}, 'give a name or an address'],
    [{ name: 'A' }, 'name'],
    [{ name: 'Anna', birthYear: '90' }, 'birthYear'],
    [{ name: 'Anna', postalCode: '1234' }, 'postalCode'],
    [{ address: 'St' }, 'address'],
  ])('answers 400 for %p, saying what is wrong', async (query, says) => {
    const { status, body } = await search(query as Record<string, string>);
    expect(status).toBe(400);
    expect(body.message).toContain(says);
  });

  it('needs its API key and obeys faults like the rest of the register', async () => {
    expect((await search({ name: 'Anna' }, {})).status).toBe(401);
    await fetch(`${url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ system: 'register', mode: 'error' }),
    });
    expect((await search({ name: 'Anna' })).status).toBe(500);
  });
});

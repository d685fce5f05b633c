import { DEMO_CASE_SETUP, LogLines, startHub, type TestHub } from '@frontdoor/testing';

const ERROR = 50;
const PERSON = '199001012385';
const SUMMARY = 'Saga behöver byta förskola efter flytten till Tallvägen 7';
const PHONE = '070-987 65 43';
const EMAIL = 'anna.privat@example.se';

/**
 * A database error on a write is logged (at error, with what failed) without the statement's
 * values: TypeORM's QueryFailedError carries the parameters, and the logs had a citizen's
 * phone, e-mail and case text in them (issue 21, item 8).
 */
describe('a failed write in the logs', () => {
  let hub: TestHub;
  const logs = new LogLines();

  beforeAll(async () => {
    hub = await startHub({ plugins: {}, cases: DEMO_CASE_SETUP, env: { LOG_LEVEL: 'trace' }, logs });
  });
  afterAll(() => hub?.close());

  const register = (input: Record<string, unknown>) =>
    hub.graphql(
      'mutation Register($input: RegisterContactInput!) { registerContact(input: $input) { id } }',
      { input: { channel: 'PHONE', categoryKey: 'barnomsorgsplats', ...input } },
    );

  it('names the failure and the statement, and holds none of its values', async () => {
    expect((await register({ summary: 'Första ärendet' })).errors).toBeUndefined();
    // A second case on the same channel now breaks a constraint: the INSERT itself fails.
    await hub.dataSource.query('CREATE UNIQUE INDEX test_one_case_per_channel ON service_case (channel)');
    const failed = await register({
      personalNumber: PERSON,
      summary: SUMMARY,
      contact: { phone: PHONE, email: EMAIL },
    });
    expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL');

    const lines = logs.forRequest(failed.headers.get('x-request-id')!);
    const errorLines = lines.filter((l) => Number(l.level) >= ERROR);
    expect(errorLines).toEqual([
      expect.objectContaining({
        err: expect.objectContaining({
          type: 'QueryFailedError',
          query: expect.stringContaining('service_case'),
        }),
      }),
    ]);
    const err = errorLines[0].err as Record<string, unknown>;
    expect(err).not.toHaveProperty('parameters');
    expect(err).not.toHaveProperty('driverError');
    const everything = JSON.stringify(logs.lines);
    for (const value of [SUMMARY, EMAIL, '+46709876543', PHONE, PERSON])
      expect(everything).not.toContain(value);
  });
});

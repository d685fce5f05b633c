import { LogLines, postCallEvent, startHub, type TestHub, recentDay } from '@frontdoor/testing';

/** The day this file's calls happen: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

const PLATFORM = 'telephony-platform';
const ERROR = 50;

/**
 * The telephony webhook answers in its documented shape (docs/errors.md) when the hub cannot
 * record an event: 503 with `{ code: "INTERNAL", message, requestId }`, not Nest's own body
 * (issue 21, item 10), and the fault is logged at error for that request id.
 */
describe('the telephony webhook with the database gone', () => {
  let hub: TestHub;
  const logs = new LogLines();

  beforeAll(async () => {
    // No jobs in this gateway: a queue poll on a destroyed DataSource is not this test's point.
    hub = await startHub({
      plugins: {},
      env: { JOBS_IN_PROCESS: 'false', LOG_LEVEL: 'info' },
      logs,
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
    });
  });
  afterAll(() => hub?.close());

  it('answers 503 INTERNAL in the documented shape, and logs the fault at error', async () => {
    const platform = await hub.token('service', PLATFORM);
    await hub.dataSource.destroy();
    const { status, body } = await postCallEvent(hub.url, platform, {
      callId: 'outage-1',
      event: 'OFFERED',
      at: `${DAY}T09:00:00Z`,
      queue: 'kundtjanst',
      from: '070-123 45 67',
      to: '0920-45 30 00',
    });
    expect(status).toBe(503);
    expect(body).toEqual({ code: 'INTERNAL', message: expect.any(String), requestId: expect.any(String) });
    expect(body.message).toContain(String(body.requestId));
    const faults = logs.forRequest(String(body.requestId)).filter((l) => Number(l.level) >= ERROR);
    expect(faults).toEqual([expect.objectContaining({ msg: 'call event not recorded' })]);
  });

  it('answers a callback request the same way: 503 INTERNAL, logged, never a taken-looking answer', async () => {
    const platform = await hub.token('service', PLATFORM);
    const response = await fetch(`${hub.url}/telephony/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform}` },
      body: JSON.stringify({ requestId: 'outage-cb', number: '070-123 45 67', queue: 'kundtjanst' }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(503);
    expect(body).toEqual({ code: 'INTERNAL', message: expect.any(String), requestId: expect.any(String) });
    expect(body.message).toContain('callback request');
    const faults = logs.forRequest(String(body.requestId)).filter((l) => Number(l.level) >= ERROR);
    expect(faults).toEqual([expect.objectContaining({ msg: 'callback request not recorded' })]);
    // An agent asking for the next callback is told of the fault, not that none waits.
    const taken = await hub.graphql<{ takeNextCallback: unknown }>(
      'mutation { takeNextCallback { id } }',
      {},
      { token: await hub.token('agent', 'agent-alva') },
    );
    expect(taken.data?.takeNextCallback ?? null).toBeNull();
    expect(taken.errors?.[0]?.extensions?.code).toBe('INTERNAL');
  });

  it('still answers a refusal as before (401 UNAUTHENTICATED)', async () => {
    const { status, body } = await postCallEvent(hub.url, null, { callId: 'outage-2' });
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });
});

import { CallbackCase, CallbackRequest } from '@frontdoor/core';
import {
  DEMO_CASE_SETUP,
  TestClock,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const PLATFORM = 'telephony-platform';
const ANNA = '199001012385';
const HOUR = 3_600_000;
/** Tuesday 24 November 2026, 10:00 in Stockholm (TestClock's start): a working day, open. */
const TUESDAY_10 = Date.parse('2026-11-24T09:00:00Z');

const CALLBACK = 'id number queueKey queueName source requestedTime dueAt expiresAt status attempts';

describe('callbacks: the platform’s requests, the queue agents take from, Mina ärenden, the goals', () => {
  const clock = new TestClock(TUESDAY_10);
  let hub: TestHub;
  /** A second gateway on the same database: takers on both must still get each callback once. */
  let second: TestHub;
  let sandbox: SandboxHandle;
  const alva = 'agent-alva';
  const bo = 'agent-bo';
  const maja = 'manager-maja';
  let n = 0;
  const post = async (body: unknown, given?: string | null) => {
    // Tokens are issued afresh: the tests move the hub's clock past a token's lifetime.
    const token = given === undefined ? await hub.token('service', PLATFORM) : given;
    const response = await fetch(`${hub.url}/telephony/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const request = (change: Record<string, unknown> = {}) => ({
    requestId: `cb-${++n}`,
    number: '070-123 45 67',
    queue: 'kundtjanst',
    callAt: null,
    ...change,
  });
  const take = async (agent: string, via: TestHub = hub) => {
    const token = await via.token('agent', agent);
    const { data, errors } = await via.graphql<{ takeNextCallback: { id: string; number: string } | null }>(
      `mutation { takeNextCallback { ${CALLBACK} } }`,
      {},
      { token },
    );
    expect(errors).toBeUndefined();
    return data!.takeNextCallback;
  };
  const record = async (agent: string, callbackId: string, outcome: string, retryAt?: string) =>
    hub.graphql<{ recordCallbackOutcome: { status: string; attempts: number; dueAt: string } }>(
      `mutation ($id: ID!, $outcome: CallbackOutcome!, $retryAt: DateTime) {
        recordCallbackOutcome(callbackId: $id, outcome: $outcome, retryAt: $retryAt) { ${CALLBACK} } }`,
      { id: callbackId, outcome, retryAt },
      { token: await hub.token('agent', agent) },
    );
  /** Every open callback closed, so each test starts with an empty queue. */
  const emptyQueue = () =>
    hub.dataSource
      .getRepository(CallbackRequest)
      .createQueryBuilder()
      .update()
      .set({ status: 'REACHED' })
      .where("status IN ('WAITING', 'TAKEN')")
      .execute();

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      clock,
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: {
        serviceAccounts: {
          [PLATFORM]: { operations: ['telephonyEvents'] },
          other: { operations: ['plugins'] },
        },
      },
    });
    second = await startHub({ clock, plugins: {}, cases: DEMO_CASE_SETUP, env: hub.databaseEnv });
  });
  afterAll(async () => {
    await second?.close();
    await hub?.close();
    await sandbox?.close();
  });
  beforeEach(async () => {
    clock.advance(TUESDAY_10 - clock.now());
    await emptyQueue();
  });

  it('takes requests only from a service account granted telephonyEvents', async () => {
    const body = request();
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, await hub.token('agent', alva))).status).toBe(403);
    expect((await post(body, await hub.token('service', 'other'))).status).toBe(403);
    expect(await hub.dataSource.getRepository(CallbackRequest).countBy({ externalId: body.requestId })).toBe(
      0,
    );
  });

  it.each([
    ['a foreign number', { number: '+1 202 555 0143' }, 'number', undefined],
    ['garbage as the number', { number: 'x'.repeat(41) }, 'number', undefined],
    ['an unknown queue', { queue: 'okand' }, 'queue', undefined],
    ['a field the hub does not know', { colour: 'blue' }, '(body)', undefined],
    ['a time in the evening', { callAt: '2026-11-24T19:00:00+01:00' }, 'callAt', 'CALL_AT_CLOSED'],
    ['a time before opening tomorrow', { callAt: '2026-11-25T07:00:00+01:00' }, 'callAt', 'CALL_AT_CLOSED'],
    ['a time past', { callAt: '2026-11-24T08:00:00+01:00' }, 'callAt', 'CALL_AT_PAST'],
    ['a time beyond 72 h', { callAt: '2026-11-27T11:00:00+01:00' }, 'callAt', 'CALL_AT_TOO_LATE'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_label, change, field, reason) => {
    const body = request(change);
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
    expect(await hub.dataSource.getRepository(CallbackRequest).countBy({ externalId: body.requestId })).toBe(
      0,
    );
  });

  it('refuses a body that is not JSON with 400, and "as soon as possible" while closed with CLOSED', async () => {
    expect((await post('{not json')).status).toBe(400);
    clock.advance(9 * HOUR); // 19:00
    const closed = await post(request());
    expect(closed).toMatchObject({ status: 400, body: { field: 'callAt', reason: 'CLOSED' } });
    expect(String(closed.body.message)).toMatch(/08:00–16:30/);
  });

  it('stores a request once however often the platform sends it', async () => {
    const body = request();
    const first = await post(body);
    expect(first).toMatchObject({
      status: 200,
      body: { duplicate: false, status: 'WAITING', number: '+46701234567', queue: 'kundtjanst' },
    });
    expect(await post(body)).toMatchObject({
      status: 200,
      body: { duplicate: true, callbackId: first.body.callbackId },
    });
    expect(await hub.dataSource.getRepository(CallbackRequest).countBy({ externalId: body.requestId })).toBe(
      1,
    );
  });

  it('queues in order: an agent takes the next due, a requested time waits until due, each callback to one agent', async () => {
    const later = await post(request({ callAt: '2026-11-24T13:00:00+01:00' }));
    const first = await post(request());
    clock.advance(60_000);
    const next = await post(request());
    const queue = await hub.graphql<{ callbackQueue: { waiting: number; scheduled: number } }>(
      '{ callbackQueue { waiting scheduled oldestWaitingSince } }',
      {},
      { token: await hub.token('agent', alva) },
    );
    expect(queue.data?.callbackQueue).toMatchObject({ waiting: 2, scheduled: 1 });
    const [a, b, none] = [await take(alva), await take(bo), await take('agent-cecilia')];
    expect([a?.id, b?.id, none]).toEqual([first.body.callbackId, next.body.callbackId, null]);
    expect(a).toMatchObject({ number: '+46701234567', queueName: 'Kundtjänst', source: 'PLATFORM' });
    // Alva reloads her console: she still holds hers.
    const mine = await hub.graphql<{ myCallback: { id: string } }>(
      '{ myCallback { id } }',
      {},
      {
        token: await hub.token('agent', alva),
      },
    );
    expect(mine.data?.myCallback.id).toBe(a?.id);
    expect((await record(alva, a!.id, 'REACHED')).data?.recordCallbackOutcome).toMatchObject({
      status: 'REACHED',
    });
    expect((await record(bo, b!.id, 'REACHED')).data?.recordCallbackOutcome.status).toBe('REACHED');
    clock.advance(TUESDAY_10 + 3 * HOUR - clock.now());
    expect((await take(alva))?.id).toBe(later.body.callbackId);
  });

  it('gives each of many callbacks to exactly one of many agents taking at once through two gateways', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await post(request())).status).toBe(200);
      clock.advance(1000);
    }
    const taken = await Promise.all(
      Array.from({ length: 20 }, (_, i) => take(`agent-${i}`, i % 2 ? second : hub)),
    );
    const ids = taken.filter((t) => t).map((t) => t!.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('records no answer and retry: back in the queue at the time; the last failed attempt closes it', async () => {
    const { body } = await post(request());
    const id = String(body.callbackId);
    await take(alva);
    const wrong = await record(bo, id, 'REACHED');
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CALLBACK_NOT_HELD' });
    const noTime = await record(alva, id, 'RETRY');
    expect(noTime.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retryAt' });
    const retry = await record(alva, id, 'RETRY', '2026-11-24T14:00:00+01:00');
    expect(retry.data?.recordCallbackOutcome).toMatchObject({ status: 'WAITING', attempts: 1 });
    expect(await take(bo)).toBeNull();
    clock.advance(TUESDAY_10 + 4 * HOUR - clock.now());
    expect((await take(bo))?.id).toBe(id);
    expect((await record(bo, id, 'NO_ANSWER')).data?.recordCallbackOutcome.status).toBe('WAITING');
    clock.advance(30 * 60_000);
    expect((await take(alva))?.id).toBe(id);
    expect((await record(alva, id, 'NO_ANSWER')).data?.recordCallbackOutcome).toMatchObject({
      status: 'UNREACHED',
      attempts: 3,
    });
  });

  it('lets a callback expire after 72 h: out of the queue and the wall screen', async () => {
    const { body } = await post(request());
    const wall = () =>
      hub
        .token('manager', maja)
        .then((token) =>
          hub.graphql<{ contactCenterNow: { callbacksWaiting: number; longestCallbackWaitSeconds: number } }>(
            '{ contactCenterNow { callbacksWaiting oldestCallbackWaitingSince longestCallbackWaitSeconds callbacksScheduled } }',
            {},
            { token },
          ),
        );
    clock.advance(600_000);
    expect((await wall()).data?.contactCenterNow).toEqual(
      expect.objectContaining({ callbacksWaiting: 1, longestCallbackWaitSeconds: 600 }),
    );
    clock.advance(72 * HOUR);
    expect((await wall()).data?.contactCenterNow.callbacksWaiting).toBe(0);
    expect(await take(alva)).toBeNull();
    const stored = await hub.dataSource
      .getRepository(CallbackRequest)
      .findOneByOrFail({ id: String(body.callbackId) });
    expect(stored.status).toBe('EXPIRED');
  });

  it('links a contact registered during the callback to it, only for the agent holding it', async () => {
    const { body } = await post(request());
    const id = String(body.callbackId);
    await take(alva);
    const register = async (agent: string) =>
      hub.graphql<{ registerContact: { id: string } }>(
        `mutation ($input: RegisterContactInput!) { registerContact(input: $input) { id } }`,
        {
          input: {
            channel: 'PHONE',
            summary: 'Frågar om kön',
            categoryKey: 'barnomsorgsplats',
            callbackId: id,
          },
        },
        { token: await hub.token('agent', agent) },
      );
    expect((await register(bo)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await register(alva);
    expect(ok.errors).toBeUndefined();
    expect(await hub.dataSource.getRepository(CallbackCase).findBy({ callbackId: id })).toEqual([
      expect.objectContaining({ caseId: ok.data!.registerContact.id }),
    ]);
  });

  it('lets a signed-in citizen ask for a callback on Mina ärenden, once open at a time and a few a day', async () => {
    const anna = await hub.token('citizen', ANNA, 'Anna Andersson');
    const ask = (input: Record<string, unknown>, token: string | null = anna) =>
      hub.graphql<{ requestCallback: { id: string; statusText: string; number: string } }>(
        'mutation ($input: RequestCallbackInput!) { requestCallback(input: $input) { id number statusText requestedTime } }',
        { input },
        { token },
      );
    expect(
      (await ask({ number: '0701234567' }, await hub.token('agent', alva))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await ask({ number: '0701234567' }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await ask({ number: '12' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.number' } });
    expect(bad.errors?.[0]?.message).toMatch(/svenskt telefonnummer/);
    const sunday = await ask({ number: '0701234567', callAt: '2026-11-25T17:00:00+01:00' });
    expect(sunday.errors?.[0]?.extensions).toMatchObject({ reason: 'CALL_AT_CLOSED' });
    expect(sunday.errors?.[0]?.message).toMatch(/vardagar 08:00–16:30/);

    const asked = await ask({ number: '070-123 45 67', callAt: '2026-11-25T09:30:00+01:00' });
    expect(asked.errors).toBeUndefined();
    expect(asked.data?.requestCallback).toMatchObject({
      number: '+46701234567',
      statusText: 'Vi ringer dig 2026-11-25 kl. 09:30.',
    });
    const again = await ask({ number: '0701234567' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ reason: 'CALLBACK_OPEN' });
    const mine = await hub.graphql<{ me: { callbacks: { id: string }[] } }>(
      '{ me { callbacks { id statusText } } }',
      {},
      { token: anna },
    );
    expect(mine.data?.me.callbacks.map((c) => c.id)).toEqual([asked.data?.requestCallback.id]);
    const stored = await hub.dataSource
      .getRepository(CallbackRequest)
      .findOneByOrFail({ id: asked.data!.requestCallback.id });
    expect(stored).toMatchObject({ source: 'CITIZEN', queue: 'kundtjanst' });
    expect(stored.partyId).toBeTruthy();

    // Two more in the day (each closed at once), then the day's limit of 3.
    for (let i = 0; i < 2; i++) {
      await emptyQueue();
      expect((await ask({ number: '0701234567' })).errors).toBeUndefined();
    }
    await emptyQueue();
    expect((await ask({ number: '0701234567' })).errors?.[0]?.extensions).toMatchObject({
      reason: 'CALLBACK_LIMIT',
    });
  });

  it('counts time to callback in the statistics and the CSV, decided callbacks only', async () => {
    const day = '2026-11-24';
    await hub.dataSource.getRepository(CallbackRequest).createQueryBuilder().delete().execute();
    const inTime = String((await post(request())).body.callbackId);
    clock.advance(1000);
    await post(request()); // still waiting, not yet late: pending
    clock.advance(10 * 60_000);
    await take(alva);
    await record(alva, inTime, 'REACHED');
    const figures = await hub.graphql<{
      serviceStatistics: {
        callbacks: { queueKey: string; requested: number; calledBackWithin: Record<string, number> }[];
      };
    }>(
      `query ($from: Date!, $to: Date!) { serviceStatistics(from: $from, to: $to) {
         callbacks { queueKey requested reached open calledBackWithin { share basis pending meetsTarget } averageFirstAttemptSeconds } } }`,
      { from: day, to: day },
      { token: await hub.token('manager', maja) },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data?.serviceStatistics.callbacks.find((f) => f.queueKey === 'kundtjanst')).toMatchObject({
      requested: 2,
      reached: 1,
      open: 1,
      calledBackWithin: { share: 1, basis: 1, pending: 1, meetsTarget: true },
      averageFirstAttemptSeconds: 601,
    });
    clock.advance(3 * HOUR);
    const csv = await fetch(`${hub.url}/reports/service-statistics.csv?from=${day}&to=${day}`, {
      headers: { authorization: `Bearer ${await hub.token('manager', maja)}` },
    });
    const text = await csv.text();
    expect(text).toContain('Återuppringning;kundtjanst;Kundtjänst: begärda;2');
    // Now the waiting one is past the 120 minutes: decided, late.
    expect(text).toMatch(
      /Återuppringning;kundtjanst;Kundtjänst: uppringda inom 120 min \(avgjorda, 0 pågående\);2;50,0;90,0;nej/,
    );
  });

  it('is played by the sandbox’s telephony platform: a caller choosing "ring me back" in the IVR', async () => {
    const post = (body: unknown) =>
      fetch(`${sandbox.url}/telephony/callback-request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const asked = await post({ hubUrl: hub.url, number: '070-765 43 21' });
    expect(asked.status).toBe(200);
    const body = (await asked.json()) as { callbackId: string; number: string };
    expect(body.number).toBe('+46707654321');
    expect((await take(alva))?.id).toBe(body.callbackId);
    expect((await post({ hubUrl: hub.url, number: 'garbage' })).status).toBe(400);
    expect((await post({ hubUrl: 'http://127.0.0.1:1', number: '0701234567' })).status).toBe(502);
  });
});

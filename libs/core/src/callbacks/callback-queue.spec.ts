import type { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { DEFAULT_TELEPHONY_SETTINGS, telephonySettingsSchema } from '../telephony/telephony-settings';
import { CallbackAttempt, CallbackCase, CallbackRequest, CallbackStatus } from './callback.entities';
import { CallbackOutcomeRefused, CallbackQueue, CallbackRefused } from './callback-queue';
import type { CallbackRequestInput } from './callback-request';
import { callbackStatistics } from './callback-statistics';

let database: TestDatabase;
let dataSource: DataSource;
/** Tuesday 24 November 2026, 10:00 in Stockholm: a working day, the queue open. */
const TUESDAY_10 = Date.parse('2026-11-24T09:00:00Z');
let now = TUESDAY_10;
const clock = () => new Date(now);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const settings = DEFAULT_TELEPHONY_SETTINGS;
const queue = () => new CallbackQueue(dataSource, settings, clock);
let n = 0;
const request = (change: Partial<CallbackRequestInput> = {}): CallbackRequestInput => ({
  source: 'PLATFORM',
  externalId: `req-${++n}`,
  number: '+46701234567',
  queue: 'kundtjanst',
  callAt: null,
  partyId: null,
  ...change,
});

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openTestDataSource(database, [CallbackRequest, CallbackAttempt, CallbackCase]);
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});
beforeEach(async () => {
  now = TUESDAY_10;
  await dataSource.getRepository(CallbackAttempt).clear();
  await dataSource.getRepository(CallbackRequest).clear();
});

describe('callback queue', () => {
  it('takes a platform request once per request id, however often it is sent', async () => {
    const body = request();
    const first = await queue().request(body);
    const again = await queue().request({ ...body, number: '+46709999999' });
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({
      duplicate: true,
      callback: { id: first.callback.id, number: '+46701234567' },
    });
    const both = await Promise.all([
      queue().request(request({ externalId: 'same' })),
      queue().request(request({ externalId: 'same' })),
    ]);
    expect(new Set(both.map((r) => r.callback.id)).size).toBe(1);
    expect(await dataSource.getRepository(CallbackRequest).countBy({ externalId: 'same' })).toBe(1);
  });

  it.each([
    ['as soon as possible on a Saturday', Date.parse('2026-11-28T09:00:00Z'), null, 'CLOSED'],
    ['as soon as possible before opening', Date.parse('2026-11-24T06:00:00Z'), null, 'CLOSED'],
    ['as soon as possible at closing time (16:30)', Date.parse('2026-11-24T15:30:00Z'), null, 'CLOSED'],
    ['as soon as possible on Christmas Eve', Date.parse('2026-12-24T09:00:00Z'), null, 'CLOSED'],
    ['a time on juldagen', Date.parse('2026-12-23T09:00:00Z'), '2026-12-25T09:00:00Z', 'CALL_AT_CLOSED'],
    ['a time on Sunday', Date.parse('2026-11-27T09:00:00Z'), '2026-11-29T10:00:00Z', 'CALL_AT_CLOSED'],
    ['a time in the evening', TUESDAY_10, '2026-11-24T19:00:00Z', 'CALL_AT_CLOSED'],
    ['a time an hour ago', TUESDAY_10, '2026-11-24T08:00:00Z', 'CALL_AT_PAST'],
    ['a time beyond the 72 h', TUESDAY_10, '2026-11-27T10:00:00Z', 'CALL_AT_TOO_LATE'],
  ])('refuses %s with its reason, storing nothing', async (_label, at, callAt, reason) => {
    now = at;
    const refused = await queue()
      .request(request({ callAt: callAt ? new Date(callAt) : null }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CallbackRefused);
    expect((refused as CallbackRefused).problem).toMatchObject({ field: 'callAt', reason });
    expect(await dataSource.getRepository(CallbackRequest).count()).toBe(0);
  });

  it('takes a time on the next working day while closed, and a queue’s own hours', async () => {
    now = Date.parse('2026-11-24T18:00:00Z'); // Tuesday 19:00
    await expect(
      queue().request(request({ callAt: new Date('2026-11-25T07:30:00Z') })),
    ).resolves.toMatchObject({
      duplicate: false,
    });
    const late = new CallbackQueue(
      dataSource,
      telephonySettingsSchema.parse({
        queues: {
          kundtjanst: {
            name: 'Kundtjänst',
            answerWithinSeconds: 300,
            openingHours: { from: '18:00', to: '21:00' },
          },
        },
      }),
      clock,
    );
    await expect(late.request(request())).resolves.toMatchObject({ duplicate: false });
  });

  it('hands out due callbacks oldest due first; a requested time waits until it is due', async () => {
    const later = await queue().request(request({ callAt: new Date(TUESDAY_10 + 2 * HOUR) }));
    const first = await queue().request(request());
    now += MINUTE;
    const second = await queue().request(request());
    expect((await queue().takeNext('agent-a'))?.id).toBe(first.callback.id);
    expect((await queue().takeNext('agent-b'))?.id).toBe(second.callback.id);
    expect(await queue().takeNext('agent-c')).toBeNull();
    await queue().recordOutcome(first.callback.id, 'agent-a', 'REACHED');
    await queue().recordOutcome(second.callback.id, 'agent-b', 'REACHED');
    now = TUESDAY_10 + 2 * HOUR;
    expect((await queue().takeNext('agent-c'))?.id).toBe(later.callback.id);
  });

  it('gives the agent the callback they hold until they record an outcome', async () => {
    const one = await queue().request(request());
    now += 1000;
    await queue().request(request());
    const taken = await queue().takeNext('agent-a');
    expect(taken?.id).toBe(one.callback.id);
    expect((await queue().takeNext('agent-a'))?.id).toBe(one.callback.id);
  });

  it('gives each callback to exactly one of many agents taking at once', async () => {
    for (let i = 0; i < 20; i++) {
      await queue().request(request());
      now += 1000;
    }
    const taken = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new CallbackQueue(dataSource, settings, clock).takeNext(`agent-${i}`),
      ),
    );
    const ids = taken.filter((t) => t !== null).map((t) => t!.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    const rows = await dataSource.getRepository(CallbackRequest).find();
    expect(rows.every((r) => r.status === CallbackStatus.TAKEN)).toBe(true);
    expect(new Set(rows.map((r) => r.takenBy)).size).toBe(20);
  });

  it('records reached, and refuses an outcome from someone not holding the callback', async () => {
    const { callback } = await queue().request(request());
    await queue().takeNext('agent-a');
    await expect(queue().recordOutcome(callback.id, 'agent-b', 'REACHED')).rejects.toBeInstanceOf(
      CallbackOutcomeRefused,
    );
    now += 5 * MINUTE;
    const done = await queue().recordOutcome(callback.id, 'agent-a', 'REACHED');
    expect(done).toMatchObject({
      status: 'REACHED',
      attempts: 1,
      firstAttemptMs: 5 * MINUTE,
      reachedMs: 5 * MINUTE,
    });
    await expect(queue().recordOutcome(callback.id, 'agent-a', 'REACHED')).rejects.toMatchObject({
      reason: 'NOT_YOURS',
    });
    expect(await queue().attempts(callback.id)).toEqual([
      expect.objectContaining({ attempt: 1, agentId: 'agent-a', outcome: 'REACHED' }),
    ]);
  });

  it('puts a retry back at its time and a no-answer after the configured minutes; closes as unreached after maxAttempts', async () => {
    const { callback } = await queue().request(request());
    await queue().takeNext('agent-a');
    await expect(queue().recordOutcome(callback.id, 'agent-a', 'RETRY', null)).rejects.toMatchObject({
      reason: 'RETRY_AT_INVALID',
    });
    await expect(
      queue().recordOutcome(callback.id, 'agent-a', 'RETRY', new Date(TUESDAY_10 + 80 * HOUR)),
    ).rejects.toMatchObject({ reason: 'RETRY_AT_INVALID' });
    await expect(
      queue().recordOutcome(callback.id, 'agent-a', 'RETRY', new Date('2026-11-24T20:00:00Z')),
    ).rejects.toMatchObject({
      reason: 'RETRY_AT_INVALID',
      message: expect.stringContaining('callback hours'),
    });
    const retry = await queue().recordOutcome(callback.id, 'agent-a', 'RETRY', new Date(TUESDAY_10 + HOUR));
    expect(retry).toMatchObject({ status: 'WAITING', attempts: 1, takenBy: null });
    expect(await queue().takeNext('agent-b')).toBeNull();
    now = TUESDAY_10 + HOUR;
    expect((await queue().takeNext('agent-b'))?.id).toBe(callback.id);
    const noAnswer = await queue().recordOutcome(callback.id, 'agent-b', 'NO_ANSWER');
    expect(noAnswer.status).toBe('WAITING');
    expect(noAnswer.dueAt.getTime()).toBe(now + 30 * MINUTE);
    expect(noAnswer.firstAttemptMs).toBe(0);
    now += 30 * MINUTE;
    await queue().takeNext('agent-c');
    const last = await queue().recordOutcome(callback.id, 'agent-c', 'NO_ANSWER');
    expect(last).toMatchObject({ status: 'UNREACHED', attempts: 3 });
    expect(await queue().takeNext('agent-d')).toBeNull();
  });

  it('gives a taken callback left without an outcome to the next agent after takenForMinutes', async () => {
    const { callback } = await queue().request(request());
    await queue().takeNext('agent-a');
    expect(await queue().takeNext('agent-b')).toBeNull();
    now += 31 * MINUTE;
    expect((await queue().takeNext('agent-b'))?.id).toBe(callback.id);
    await expect(queue().recordOutcome(callback.id, 'agent-a', 'REACHED')).rejects.toMatchObject({
      reason: 'NOT_YOURS',
    });
  });

  it('lets a callback expire after 72 h: out of the queue, recorded as EXPIRED at its expiry', async () => {
    const { callback } = await queue().request(request());
    now += 72 * HOUR - 1000;
    expect((await queue().waitingNow()).waiting).toBe(1);
    now += 1000;
    expect(await queue().waitingNow()).toMatchObject({ waiting: 0, oldestDueSince: null });
    expect(await queue().takeNext('agent-a')).toBeNull();
    const stored = await dataSource.getRepository(CallbackRequest).findOneByOrFail({ id: callback.id });
    expect(stored.status).toBe('EXPIRED');
    expect(stored.closedAt?.getTime()).toBe(TUESDAY_10 + 72 * HOUR);
  });

  it('counts the call goal over decided callbacks only', async () => {
    const day = '2026-11-24';
    const inTime = (await queue().request(request())).callback;
    now += 1000;
    const late = (await queue().request(request())).callback;
    now += 1000;
    const scheduled = (await queue().request(request({ callAt: new Date(TUESDAY_10 + 5 * HOUR) }))).callback;
    const lateUnattempted = (await queue().request(request())).callback;
    now = TUESDAY_10 + 10 * MINUTE;
    await queue().takeNext('a');
    await queue().recordOutcome(inTime.id, 'a', 'REACHED');
    now = TUESDAY_10 + 3 * HOUR + 10 * MINUTE;
    await queue().takeNext('b');
    await queue().recordOutcome(late.id, 'b', 'NO_ANSWER');
    // lateUnattempted is past the 120 minutes unattempted (late); scheduled is not due yet (pending).
    const [kundtjanst] = (await callbackStatistics(dataSource, day, day, settings, clock())).filter(
      (f) => f.queueKey === 'kundtjanst',
    );
    expect(kundtjanst).toMatchObject({
      requested: 4,
      reached: 1,
      open: 3,
      calledBackWithin: { basis: 3, pending: 1, share: 0.333, meetsTarget: false },
      averageFirstAttemptSeconds: Math.round((10 * MINUTE + 3 * HOUR + 10 * MINUTE - 1000) / 2 / 1000),
      averageReachedSeconds: 600,
    });
    expect(scheduled.id).toBeTruthy();
    expect(lateUnattempted.id).toBeTruthy();
  });
});

import { DEMO_CASE_SETUP, TestClock, startHub, type TestHub } from '@frontdoor/testing';

/** Saturday 5 December 2026, 10:00 in Stockholm. */
const SATURDAY_10 = Date.parse('2026-12-05T09:00:00Z');

/**
 * The development clock's step to the next callback hours (absent in production), which the
 * README's callback walk-through takes so it runs at night and on weekends too.
 */
describe('POST /dev/clock/open-for-callbacks', () => {
  const clock = new TestClock(SATURDAY_10);
  let hub: TestHub;

  const step = async (body: unknown) => {
    const response = await fetch(`${hub.url}/dev/clock/open-for-callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { now: string; advancedHours: number },
    };
  };
  /** Real time (the test clock's) at `instant`, and no development offset. */
  const at = async (instant: number) => {
    expect((await fetch(`${hub.url}/dev/clock/reset`, { method: 'POST' })).status).toBe(200);
    clock.advance(instant - clock.now());
  };

  beforeAll(async () => {
    hub = await startHub({ clock, plugins: {}, cases: DEMO_CASE_SETUP });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it.each([
    ['a Saturday morning', SATURDAY_10, '2026-12-07T07:01:00.000Z'],
    ['a Friday after closing', Date.parse('2026-12-04T15:45:00Z'), '2026-12-07T07:01:00.000Z'],
    ['a weekday before opening', Date.parse('2026-12-08T05:10:00Z'), '2026-12-08T07:01:00.000Z'],
    [
      'julafton, before the holidays and the weekend',
      Date.parse('2026-12-24T09:00:00Z'),
      '2026-12-28T07:01:00.000Z',
    ],
  ])('moves from %s to a minute past the next opening', async (_label, instant, expected) => {
    await at(instant);
    const { status, body } = await step({ queue: 'kundtjanst' });
    expect(status).toBe(200);
    expect(body.now).toBe(expected);
    expect(body.advancedHours).toBeGreaterThan(0);
  });

  it('stays put while the queue is open', async () => {
    const tuesday10 = Date.parse('2026-12-08T09:00:00Z');
    await at(tuesday10);
    const { status, body } = await step({ queue: 'kundtjanst' });
    expect(status).toBe(200);
    expect(body).toEqual({ now: new Date(tuesday10).toISOString(), advancedHours: 0 });
  });

  it.each([
    ['an unknown queue', { queue: 'nope' }],
    ['no queue', {}],
    ['garbage', { queue: 7 }],
  ])('refuses %s', async (_label, body) => {
    await at(SATURDAY_10);
    expect((await step(body)).status).toBe(400);
  });
});

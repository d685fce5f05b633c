import { DEMO_CASE_SETUP, TestClock, startHub, type TestHub } from '@frontdoor/testing';

const PLATFORM = 'telephony-platform';
/** Tuesday 24 November 2026, 10:00 in Stockholm: a working day, callbacks open. */
const TUESDAY_10 = Date.parse('2026-11-24T09:00:00Z');
const HOUR = 3_600_000;

interface CallbackFigures {
  queueKey: string;
  requested: number;
  calledBackWithin: { share: number; basis: number; pending: number; target: number; meetsTarget: boolean };
}

/**
 * Issue 25: the public results page shows the callback goal "called back in time" from the
 * same figure as the staff's statistics, of decided callbacks only: an open callback not yet
 * due is neither in time nor late.
 */
describe('callbacks on the public results page', () => {
  const clock = new TestClock(TUESDAY_10);
  let hub: TestHub;

  const post = async (body: unknown) => {
    const response = await fetch(`${hub.url}/telephony/callbacks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await hub.token('service', PLATFORM)}`,
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
  };
  const published = async () => {
    const response = await fetch(`${hub.url}/service-results.json`);
    expect(response.status).toBe(200);
    return (await response.json()) as { periods: { label: string; callbacks: CallbackFigures[] }[] };
  };

  beforeAll(async () => {
    hub = await startHub({
      clock,
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
    });
    const number = '070-123 45 67';
    // Two asked for as soon as possible at 10:00, one for 15:00 the same day.
    await post({ requestId: 'pub-cb-1', number, queue: 'kundtjanst', callAt: null });
    await post({ requestId: 'pub-cb-2', number, queue: 'kundtjanst', callAt: null });
    await post({
      requestId: 'pub-cb-3',
      number,
      queue: 'kundtjanst',
      callAt: new Date(TUESDAY_10 + 5 * HOUR).toISOString(),
    });
    // One is rung back at once and reached: in time.
    const agent = await hub.token('agent', 'agent-alva', 'Alva Agent');
    const taken = await hub.graphql<{ takeNextCallback: { id: string } | null }>(
      'mutation { takeNextCallback { id } }',
      {},
      { token: agent },
    );
    expect(taken.errors).toBeUndefined();
    const reached = await hub.graphql(
      'mutation($id: ID!) { recordCallbackOutcome(callbackId: $id, outcome: REACHED) { status } }',
      { id: taken.data!.takeNextCallback!.id },
      { token: agent },
    );
    expect(reached.errors).toBeUndefined();
    // 13:00: the other asap one is past the 2-hour goal unattempted (late); the 15:00 one is not due.
    clock.advance(3 * HOUR);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('publishes the goal per queue for the year so far: 1 of 2 decided in time, 1 pending', async () => {
    const { periods } = await published();
    const year = periods.find((p) => p.label === 'I år hittills')!;
    expect(year.callbacks.find((q) => q.queueKey === 'kundtjanst')).toEqual({
      queueKey: 'kundtjanst',
      name: 'Kundtjänst',
      requested: 3,
      callBackWithinMinutes: 120,
      calledBackWithin: { share: 0.5, target: 0.9, meetsTarget: false, basis: 2, pending: 1 },
    });
    // Last month (October) had none.
    const lastMonth = periods.find((p) => p.label === 'Förra månaden')!;
    expect(lastMonth.callbacks.find((q) => q.queueKey === 'kundtjanst')).toMatchObject({
      requested: 0,
      calledBackWithin: { basis: 0, pending: 0 },
    });
  });

  it('is the very figure of serviceStatistics { callbacks }', async () => {
    const manager = await hub.token('manager', 'manager-maja', 'Maja Chef');
    const { data, errors } = await hub.graphql<{ serviceStatistics: { callbacks: CallbackFigures[] } }>(
      '{ serviceStatistics(from: "2026-01-01", to: "2026-11-24") { callbacks { queueKey requested calledBackWithin { share target meetsTarget basis pending } } } }',
      {},
      { token: manager },
    );
    expect(errors).toBeUndefined();
    const staff = data!.serviceStatistics.callbacks.find((q) => q.queueKey === 'kundtjanst')!;
    const year = (await published()).periods.find((p) => p.label === 'I år hittills')!;
    const page = year.callbacks.find((q) => q.queueKey === 'kundtjanst')!;
    expect({ requested: page.requested, calledBackWithin: page.calledBackWithin }).toEqual({
      requested: staff.requested,
      calledBackWithin: staff.calledBackWithin,
    });
  });

  it('says it on the page in Swedish, with the pending one beside the share, and no number', async () => {
    const html = await (await fetch(`${hub.url}/service-results`)).text();
    expect(html).toContain(
      '<th scope="row">Kundtjänst: uppringda inom 2&nbsp;timmar efter önskad tid</th><td>50&nbsp;% av 2, 1 pågående</td><td>minst 90&nbsp;%</td><td>Målet inte nått</td>',
    );
    // A queue nobody asked to be rung back from has no callback row.
    expect(html).not.toContain('Växeln: uppringda');
    for (const personal of ['070-123', '+46701234567', 'agent-alva']) expect(html).not.toContain(personal);
  });
});

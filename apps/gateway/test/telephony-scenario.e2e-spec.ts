import { CallContact } from '@frontdoor/core';
import type { ScenarioEvent } from '@frontdoor/dept-sandbox';
import {
  postCallEvent,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
  recentDay,
  dayAfter,
} from '@frontdoor/testing';

/** The day this file's calls happen: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

/**
 * The sandbox playing the telephony platform (issue 15, item 6): a seed's calls are the same
 * every time, and the hub's figures over them equal a plain count of the events; the live
 * generator posts with its service-account token until stopped.
 */
describe('the sandbox’s telephony platform against the hub', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {},
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
    });
  });
  afterAll(async () => {
    await fetch(`${sandbox.url}/telephony/generator`, { method: 'DELETE' }).catch(() => undefined);
    await hub?.close();
    await sandbox?.close();
  });

  const scenario = async (query: string) => {
    const response = await fetch(`${sandbox.url}/telephony/scenario?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ScenarioEvent[];
  };

  it('gives the same calls for the same seed, and refuses a bad request', async () => {
    const first = await scenario(`seed=7&calls=50&start=${DAY}T08:00:00Z`);
    expect(await scenario(`seed=7&calls=50&start=${DAY}T08:00:00Z`)).toEqual(first);
    expect(await scenario(`seed=8&calls=50&start=${DAY}T08:00:00Z`)).not.toEqual(first);
    expect(new Set(first.filter((e) => e.event === 'OFFERED').map((e) => e.callId)).size).toBe(50);
    expect((await fetch(`${sandbox.url}/telephony/scenario?seed=x&calls=1`)).status).toBe(400);
  });

  // Some 300 events posted one by one: bounded by the test's own timeout, generous for a loaded machine.
  it('posts a scenario whose figures in serviceStatistics equal a count of its events', async () => {
    const events = await scenario(`seed=42&calls=100&start=${DAY}T07:00:00Z&meanArrivalS=10&agents=a1,a2,a3`);
    const token = await hub.token('service', 'telephony-platform');
    for (const event of events) expect((await postCallEvent(hub.url, token, event)).status).toBe(200);
    const count = (queue: string, kind: string) =>
      events.filter((e) => e.queue === queue && e.event === kind).length;
    const { data } = await hub.graphql<{
      serviceStatistics: {
        calls: { queueKey: string; answered: number; abandoned: number; shortAbandoned: number }[];
      };
    }>(
      `{ serviceStatistics(from: "${DAY}", to: "${dayAfter(DAY)}") { calls { queueKey answered abandoned shortAbandoned } } }`,
      {},
      {
        token: await hub.token('manager', 'chef'),
      },
    );
    for (const queue of ['vaxel', 'kundtjanst']) {
      const figures = data!.serviceStatistics.calls.find((q) => q.queueKey === queue)!;
      expect(figures.answered).toBe(count(queue, 'ANSWERED'));
      expect(figures.abandoned + figures.shortAbandoned).toBe(count(queue, 'ABANDONED'));
    }
  }, 120_000);

  it('streams live calls to the hub with the platform’s token until stopped', async () => {
    const start = await fetch(`${sandbox.url}/telephony/generator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hubUrl: hub.url, meanArrivalS: 0.05, meanTalkS: 1, meanPatienceS: 1 }),
    });
    expect(start.status).toBe(204);
    const calls = hub.dataSource.getRepository(CallContact);
    const until = Date.now() + 10_000;
    while ((await calls.createQueryBuilder('c').where("c.call_id LIKE 'live-%'").getCount()) < 3) {
      if (Date.now() > until) throw new Error('no live calls reached the hub');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await fetch(`${sandbox.url}/telephony/generator`, { method: 'DELETE' })).status).toBe(204);
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CallNotifier } from '@frontdoor/gateway';
import {
  DEMO_CASE_SETUP,
  childcarePluginOnly,
  freePort,
  postCallEvent,
  startHub,
  startSandbox,
  subscribe,
  type SandboxHandle,
  type TestHub,
  recentDay,
} from '@frontdoor/testing';

/** The day this file's calls happen: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

/**
 * Two gateways sharing a database and Redis: the telephony platform posts to one, the agent's
 * console is connected to the other (issue 15). The call must reach the agent all the same,
 * and only that agent.
 */
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const PLATFORM = 'telephony-platform';

(hasRedis ? describe : describe.skip)('the answered call across two gateways through Redis', () => {
  let sandbox: SandboxHandle;
  let server: ChildProcess;
  let redis: Redis;
  let a: TestHub;
  let b: TestHub;
  let installation: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    redis = new Redis(`redis://127.0.0.1:${port}`, { retryStrategy: (n) => (n > 50 ? null : 100) });
    await new Promise((resolve, reject) => {
      redis.once('ready', resolve);
      redis.once('end', () => reject(new Error('redis-server did not start')));
    });
    installation = `tel-${randomBytes(4).toString('hex')}`;
    const env = {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_QUEUE: installation,
      JOBS_IN_PROCESS: 'false',
    };
    const options = {
      sandbox,
      plugins: childcarePluginOnly(sandbox, { cache: { ttlMs: 60_000, staleIfErrorMs: 60_000 } }),
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
    };
    a = await startHub({ ...options, env });
    b = await startHub({ ...options, env: { ...env, ...a.databaseEnv } });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    redis?.disconnect();
    server?.kill('SIGKILL');
    await sandbox?.close();
  });

  /** Bounded wait until the console's subscription is registered in Redis. */
  async function subscribed(agent: string): Promise<void> {
    const channel = `fd:${installation}:events:call-answered:${agent}`;
    const until = Date.now() + 5000;
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) > 0) return;
      if (Date.now() > until) throw new Error(`no subscriber on ${channel}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('delivers an ANSWERED posted to gateway B to the agent connected to gateway A, and not to another agent', async () => {
    const platform = await b.token('service', PLATFORM);
    const alva = await a.token('agent', 'agent-alva');
    const bo = await a.token('agent', 'agent-bo');
    const alvaCalls = await subscribe<{ myCalls: { callId: string; fromText: string } }>(
      a.url,
      alva,
      'subscription { myCalls { callId fromText } }',
    );
    const boCalls = await subscribe<{ myCalls: { callId: string } }>(
      a.url,
      bo,
      'subscription { myCalls { callId } }',
    );
    try {
      await subscribed('agent-alva');
      await subscribed('agent-bo');
      const base = { queue: 'kundtjanst', from: '+46701234567', to: '0920-45 30 00' };
      const offered = { ...base, callId: 'r-1', event: 'OFFERED', at: `${DAY}T09:00:00Z` };
      expect((await postCallEvent(b.url, platform, offered)).status).toBe(200);
      const answered = {
        ...base,
        callId: 'r-1',
        event: 'ANSWERED',
        at: `${DAY}T09:00:09Z`,
        agentId: 'agent-alva',
      };
      expect((await postCallEvent(b.url, platform, answered)).status).toBe(200);
      // Recorded, or Bo's notice below would be waited for in vain (the ANSWERED of a call two days
      // ago with no OFFERED is refused).
      const boOffered = { ...base, callId: 'r-2', event: 'OFFERED', at: `${DAY}T09:00:30Z` };
      expect((await postCallEvent(b.url, platform, boOffered)).status).toBe(200);
      const boAnswered = {
        ...base,
        callId: 'r-2',
        event: 'ANSWERED',
        at: `${DAY}T09:01:00Z`,
        agentId: 'agent-bo',
      };
      expect((await postCallEvent(b.url, platform, boAnswered)).status).toBe(200);
      expect((await alvaCalls.next()).myCalls).toEqual({ callId: 'r-1', fromText: '070-123 45 67' });
      expect((await boCalls.next()).myCalls.callId).toBe('r-2');
    } finally {
      await alvaCalls.close();
      await boCalls.close();
    }
  });

  it('keeps what gateway B asked ahead for the caller in the shared cache, for the agent on gateway A', async () => {
    const platform = await b.token('service', PLATFORM);
    const offered = await postCallEvent(b.url, platform, {
      callId: 'r-3',
      event: 'OFFERED',
      at: `${DAY}T10:00:00Z`,
      queue: 'kundtjanst',
      from: '+46701234567',
      to: '0920-45 30 00',
      ivrPersonalNumber: '199001012385',
    });
    expect(offered.status).toBe(200);
    await b.app.get(CallNotifier).idle();
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    try {
      const read = await a.graphql<{ person: { sources: { state: string }[] } }>(
        '{ person(personalNumber: "199001012385", purpose: "r-3") { sources { state } } }',
        {},
        { token: await a.token('agent', 'agent-alva') },
      );
      expect(read.data!.person.sources).toEqual([{ state: 'OK' }]);
    } finally {
      await sandbox.clearFaults();
    }
  });
});

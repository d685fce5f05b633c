import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort, postCallEvent, startHub, type TestHub, recentDay, waitForPort } from '@frontdoor/testing';

/** The day this file's calls happen: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

/**
 * The rate limiter counts a request against the user its token names only once the token
 * verifies; a forged token counts against the sender's address (issue 21, item 5: 605 unsigned
 * tokens with `sub: "agent-bo"` had put the real agent-bo at 429 for a minute).
 */
const PLATFORM = 'telephony-platform';
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

/** An unsigned JWT (`alg: none`) claiming to be `sub`, as anyone can write one. */
function forged(sub: string, role: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({
    sub,
    role,
    iss: 'frontdoor-dev-issuer',
    aud: 'frontdoor',
    iat: now,
    exp: now + 3600,
  })}.`;
}

const PLUGINS = '{ plugins { id } }';

/**
 * Sends forged tokens naming `sub` until one is refused with 429 (at most `bound`), and gives
 * the statuses: 401 for each forged token until its sender's bucket is spent.
 */
async function floodAs(hub: TestHub, sub: string, bound: number): Promise<number[]> {
  const statuses: number[] = [];
  while (statuses.length < bound && statuses.at(-1) !== 429)
    statuses.push((await hub.graphql(PLUGINS, {}, { token: forged(sub, 'agent') })).status);
  return statuses;
}

/** Some 401s (forged tokens refused) and then the 429 that ends the flood. */
const REFUSED_THEN_LIMITED = /^(401,)+429$/;

describe('rate limit keyed on the verified subject (embedded default)', () => {
  let hub: TestHub;

  beforeEach(async () => {
    hub = await startHub({
      plugins: {},
      env: { RATE_LIMIT_PER_MINUTE: '5', TELEPHONY_EVENTS_PER_MINUTE: '3' },
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
    });
  });
  afterEach(() => hub?.close());

  it('counts forged tokens naming a real user against the address, and keeps serving that user', async () => {
    const real = await hub.token('agent', 'agent-bo');
    // The forged ones are refused as unauthenticated until the address's bucket is spent
    // (the address also fetched the real token: at most 5 requests from it in all).
    expect((await floodAs(hub, 'agent-bo', 10)).join()).toMatch(REFUSED_THEN_LIMITED);
    // The address is what was spent: a request without a token from it is limited too…
    expect((await hub.graphql(PLUGINS, {}, { token: null })).status).toBe(429);
    // …and the real agent-bo, whose token verifies, has a bucket of her own.
    const served = await hub.graphql(PLUGINS, {}, { token: real });
    expect(served.status).toBe(200);
    expect(served.data).toEqual({ plugins: [] });
  });

  it('still holds a verified user to the limit', async () => {
    const real = await hub.token('agent', 'agent-bo');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await hub.graphql(PLUGINS, {}, { token: real })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('keeps the telephony platform’s bucket its own when forged tokens name it', async () => {
    const event = (callId: string) => ({
      callId,
      event: 'OFFERED',
      at: `${DAY}T09:00:00Z`,
      queue: 'kundtjanst',
      from: '070-123 45 67',
      to: '0920-45 30 00',
    });
    const platform = await hub.token('service', PLATFORM);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await postCallEvent(hub.url, forged(PLATFORM, 'service'), event(`forged-${i}`))).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const recorded = await postCallEvent(hub.url, platform, event('real-1'));
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ callId: 'real-1', event: 'OFFERED', duplicate: false });
  });
});

(hasRedis ? describe : describe.skip)(
  'rate limit keyed on the verified subject, shared through Redis',
  () => {
    let redis: ChildProcess;
    let a: TestHub;
    let b: TestHub;

    beforeAll(async () => {
      const port = await freePort();
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await waitForPort(port, 10_000, 'redis-server');
      const env = {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        REDIS_QUEUE: `limit-${randomBytes(4).toString('hex')}`,
        RATE_LIMIT_PER_MINUTE: '5',
        JOBS_IN_PROCESS: 'false',
      };
      a = await startHub({ plugins: {}, env });
      b = await startHub({ plugins: {}, env });
    }, 60_000);
    afterAll(async () => {
      await b?.close();
      await a?.close();
      if (redis && redis.exitCode === null) {
        const exited = new Promise((resolve) => redis.once('exit', resolve));
        redis.kill('SIGKILL');
        await exited;
      }
    });

    it('spends the address on every gateway, and serves the real user on another gateway', async () => {
      const real = await b.token('agent', 'agent-bo');
      expect((await floodAs(a, 'agent-bo', 10)).join()).toMatch(REFUSED_THEN_LIMITED);
      // The address's count is shared: gateway B refuses a request without a token from it.
      expect((await b.graphql(PLUGINS, {}, { token: null })).status).toBe(429);
      const served = await b.graphql(PLUGINS, {}, { token: real });
      expect(served.status).toBe(200);
    });
  },
);

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  DEMO_CASE_SETUP,
  accepts,
  childcarePluginOnly,
  freePort,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Two gateways behind one load balancer, sharing one database and one Redis: what one of them
 * learns or changes, the other must not contradict (issue 12, item 2). Each request goes to
 * the gateway the test names, as a load balancer would send it.
 */
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const PERSON = '199001012385';
const READ = `{ person(personalNumber: "${PERSON}") { sources { plugin state } } }`;
const ORDER = (key: string) =>
  `mutation { orderBulkyWastePickup(idempotencyKey: "${key}", input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${PERSON}" }) { orderId } }`;
const MANDATE_TARGET =
  '{ targetKind: ROLE, targetKey: "case_officer", department: "Avfall och återvinning" }';

/** A Redis of this file's own, so it can be stopped and started again mid-test. */
class OwnRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start() {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 50; i++) {
      if (await accepts(this.port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis-server did not start');
  }
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

(hasRedis ? describe : describe.skip)('two gateways sharing PostgreSQL/SQLite and Redis', () => {
  let sandbox: SandboxHandle;
  let redis: OwnRedis;
  let a: TestHub;
  let b: TestHub;
  const plugins = (sandbox: SandboxHandle) => ({
    ...childcarePluginOnly(sandbox, { cache: { ttlMs: 60_000, staleIfErrorMs: 60_000 } }),
    'waste-collection': { connection: sandboxConnection(sandbox, 'waste') },
  });

  beforeAll(async () => {
    sandbox = await startSandbox();
    redis = new OwnRedis(await freePort());
    await redis.start();
    const env = {
      REDIS_URL: redis.url,
      REDIS_QUEUE: `shared-${randomBytes(4).toString('hex')}`,
      RATE_LIMIT_PER_MINUTE: '12',
      // The case chain's jobs are not what this file is about: no BullMQ worker in the gateways.
      JOBS_IN_PROCESS: 'false',
    };
    a = await startHub({ sandbox, plugins: plugins(sandbox), cases: DEMO_CASE_SETUP, env });
    b = await startHub({
      sandbox,
      plugins: plugins(sandbox),
      cases: DEMO_CASE_SETUP,
      env: { ...env, ...a.databaseEnv },
    });
  }, 60_000);
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
    await sandbox?.close();
  });

  const as = async (hub: TestHub, role: string, sub: string) => {
    const token = await hub.token(role, sub);
    return (document: string) => hub.graphql<Record<string, never>>(document, {}, { token });
  };
  const childcareState = (answer: { data?: unknown }) =>
    (answer.data as { person: { sources: { plugin: string; state: string }[] } }).person.sources.find(
      (s) => s.plugin === 'childcare-queue',
    )?.state;

  it('serves an answer one gateway fetched from the other too', async () => {
    const [viaA, viaB] = [await as(a, 'agent', 'agent-share'), await as(b, 'agent', 'agent-share')];
    expect(childcareState(await viaA(READ))).toBe('OK');
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    // B never asked the department; the answer A got is fresh in the shared cache.
    expect(childcareState(await viaB(READ))).toBe('OK');
  });

  it('forgets on every gateway what an action through one of them changed', async () => {
    const [viaA, viaB] = [await as(a, 'agent', 'agent-act'), await as(b, 'agent', 'agent-act')];
    expect(childcareState(await viaB(READ))).toBe('OK'); // cached for B too
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    expect((await viaA(ORDER(`shared-${randomBytes(4).toString('hex')}`))).errors).toBeUndefined();
    // The person's answers are gone everywhere: B must ask again, and the department is failing.
    expect(childcareState(await viaB(READ))).toBe('FAILED');
  });

  it('stops a revoked mandate on the other gateway at once', async () => {
    const adminA = await as(a, 'admin', 'admin-shared');
    const officerB = await as(b, 'case_officer', 'officer-shared');
    expect(
      (await adminA(`mutation { grantMandate(target: ${MANDATE_TARGET}, level: 3) { effective } }`)).errors,
    ).toBeUndefined();
    expect((await officerB(ORDER(`granted-${randomBytes(4).toString('hex')}`))).errors).toBeUndefined();
    expect((await adminA(`mutation { revokeMandate(target: ${MANDATE_TARGET}) }`)).data).toEqual({
      revokeMandate: true,
    });
    const refused = await officerB(ORDER(`revoked-${randomBytes(4).toString('hex')}`));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('holds one user to the per-minute limit across both gateways together', async () => {
    const [viaA, viaB] = [await as(a, 'agent', 'agent-limit'), await as(b, 'agent', 'agent-limit')];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await viaA('{ plugins { id } }')).status, (await viaB('{ plugins { id } }')).status);
    expect(statuses).toEqual(Array(12).fill(200));
    expect((await viaA('{ plugins { id } }')).status).toBe(429);
    expect((await viaB('{ plugins { id } }')).status).toBe(429);
  });

  it('keeps answering while Redis is down (uncached, limits open), and shares again when it is back', async () => {
    const [viaA, viaB] = [await as(a, 'agent', 'agent-outage'), await as(b, 'agent', 'agent-outage')];
    await redis.stop();
    for (let i = 0; i < 14; i++) {
      const answer = await viaA(READ);
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(childcareState(answer)).toBe('OK');
    }
    await redis.start();
    await waitFor(async () => childcareState(await viaA(READ)) === 'OK' && (await isShared(viaB)));
  }, 60_000);

  /** After A's read, B answers with the department failing: only through the shared cache. */
  async function isShared(viaB: (d: string) => Promise<{ data?: unknown }>): Promise<boolean> {
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    try {
      return childcareState(await viaB(READ)) === 'OK';
    } finally {
      await sandbox.clearFaults();
    }
  }
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the gateways did not share state again after Redis came back');
}

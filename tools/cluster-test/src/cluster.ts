import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  demoCasesFor,
  freePort,
  sandboxConnection,
  startSandbox,
  type SandboxHandle,
} from '@frontdoor/testing';
import { FrontdoorProcess, sleep } from './frontdoor-process';
import { MailRelay } from './mail-relay';
import { OwnPostgres, OwnRedis } from './own-servers';
import { TestIdentityProvider } from './tokens';

/** The waste import's interval here: 6 s, so a few minutes show many intervals. */
export const WASTE_IMPORT_EVERY_MINUTES = 0.1;
export const RATE_LIMIT_PER_MINUTE = 100;
/**
 * The workers live ten days ahead (libfaketime): a case forwarded through a gateway now is due
 * within 3-5 working days, so its SLA alarm is due at once for them, without a test clock in
 * the production processes.
 */
export const WORKER_CLOCK = '+10d';

/**
 * Production on one machine: a PostgreSQL and a Redis of its own, the department sandbox, a
 * mail relay, two gateways and two workers as separate OS processes (docs/deployment.md).
 */
export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'frontdoor-cluster-'));
  readonly relay = new MailRelay();
  sandbox!: SandboxHandle;
  postgres!: OwnPostgres;
  redis!: OwnRedis;
  idp!: TestIdentityProvider;
  gateways: FrontdoorProcess[] = [];
  workers: FrontdoorProcess[] = [];
  gatewayUrls: string[] = [];
  private env: Record<string, string> = {};

  async startInfrastructure(): Promise<void> {
    // Its own folder: postgres-local.sh hands it to the postgres user, who cannot enter this.dir.
    this.postgres = new OwnPostgres(await freePort(), mkdtempSync(join(tmpdir(), 'frontdoor-cluster-pg-')));
    this.postgres.start();
    this.redis = new OwnRedis(await freePort(), this.dir);
    await this.redis.start();
    await this.relay.start();
    this.sandbox = await startSandbox();
    this.idp = await TestIdentityProvider.create();
    const configPath = join(this.dir, 'frontdoor.config.json');
    writeFileSync(configPath, JSON.stringify(this.config(), null, 2));
    this.env = {
      DATABASE_URL: this.postgres.url,
      DATABASE_MIGRATE: 'true',
      REDIS_URL: this.redis.url,
      REDIS_QUEUE: 'cluster',
      SMTP_URL: this.relay.url,
      MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
      FRONTDOOR_CONFIG: configPath,
      JOBS_IN_PROCESS: 'false',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      ...this.idp.env,
    };
  }

  private config() {
    const sandbox = this.sandbox;
    // Departments get 5 s here, not 1.5 s: this test is about Frontdoor's processes, and a
    // loaded CI machine must not make a department time out and open its breaker.
    const timeoutMs = 5000;
    const plugins = {
      'childcare-queue': { timeoutMs, connection: sandboxConnection(sandbox, 'childcare') },
      invoicing: { timeoutMs, connection: sandboxConnection(sandbox, 'invoicing') },
      'building-permits': { timeoutMs, connection: sandboxConnection(sandbox, 'permits') },
      'population-register': { timeoutMs, connection: sandboxConnection(sandbox, 'register') },
      'waste-collection': {
        timeoutMs,
        connection: sandboxConnection(sandbox, 'waste'),
        jobs: { 'import-export': { everyMinutes: WASTE_IMPORT_EVERY_MINUTES } },
      },
    };
    // The demo's categories, answered only by the plugins this cluster runs (answeredBy is checked at start).
    return { plugins, cases: demoCasesFor(plugins) };
  }

  /** Both gateways started at the same moment, on whatever the database holds (empty at first). */
  async startGateways(count = 2): Promise<void> {
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    this.gatewayUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    this.gateways = ports.map(
      (port, i) =>
        new FrontdoorProcess({
          name: `gateway-${i + 1}`,
          kind: 'gateway',
          env: { ...this.env, PORT: String(port) },
          logDir: this.dir,
        }),
    );
    for (const gateway of this.gateways) gateway.start();
    await Promise.all(this.gateways.map((g, i) => this.waitReady(g, this.gatewayUrls[i])));
  }

  async startWorkers(count = 2): Promise<void> {
    this.workers = Array.from(
      { length: count },
      (_, i) =>
        new FrontdoorProcess({
          name: `worker-${i + 1}`,
          kind: 'worker',
          env: this.env,
          logDir: this.dir,
          fakeTime: WORKER_CLOCK,
        }),
    );
    for (const worker of this.workers) worker.start();
    await Promise.all(this.workers.map((w) => w.waitForOutput('worker started', 60_000)));
  }

  async restartWorker(worker: FrontdoorProcess): Promise<void> {
    worker.start();
    await worker.waitForOutput('worker started', 60_000);
  }

  async restartGateway(index: number): Promise<void> {
    this.gateways[index].start();
    await this.waitReady(this.gateways[index], this.gatewayUrls[index]);
  }

  /** Ready as the load balancer decides: `/health/ready` answers 200. */
  async waitReady(gateway: FrontdoorProcess, url: string, ms = 60_000): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!gateway.running) throw new Error(`${gateway.name} exited:\n${gateway.tail()}`);
      const status = await fetch(`${url}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(200);
    }
    throw new Error(`${gateway.name} was not ready within ${ms} ms:\n${gateway.tail()}`);
  }

  async sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.postgres.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Stops everything; the processes' exit codes, by name. */
  async stop(): Promise<Record<string, number | null>> {
    const codes: Record<string, number | null> = {};
    for (const p of [...this.gateways, ...this.workers]) codes[p.name] = await p.stop();
    await this.sandbox?.close();
    await this.relay.close();
    await this.redis?.stop();
    this.postgres?.stop();
    return codes;
  }
}

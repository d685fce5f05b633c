import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { SqlJobQueue, type JobQueue } from '@frontdoor/jobs';
import { createGateway, loadGatewayConfig } from '@frontdoor/gateway';
import type { ModuleLoader } from '@frontdoor/core';
import { TEST_TODAY, sandboxConnection, type SandboxHandle } from './sandbox-handle';
import { DEMO_CASE_SETUP, demoCasesFor } from './demo-case-setup';
import { createTestDatabase, type TestDatabase } from '@frontdoor/persistence';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface TestHub {
  url: string;
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** The config file the hub was started with (for a worker sharing its configuration). */
  configPath: string;
  /** The env that points at this hub's database: give it to a second hub to share it (several gateways). */
  databaseEnv: Record<string, string>;
  /** POSTs a GraphQL document over real HTTP; `token: null` sends no Authorization header. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** A token from the demo issuer, over HTTP like a client would get it. */
  /** A demo token; `name` is the display name the token carries, as a real provider's would. */
  token(role: string, sub: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartHubOptions {
  sandbox?: SandboxHandle;
  /** The plugins section of the config file (default: childcare-queue against the sandbox). */
  plugins?: Record<string, unknown>;
  env?: Record<string, string>;
  loadModule?: ModuleLoader;
  /** The clock the hub's cache reads; default: real time. */
  clock?: TestClock;
  /** The `cases` section of the config file (categories, answer groups). */
  cases?: Record<string, unknown>;
  /** The `access` section of the config file (mandates, protected-identity clearance, purpose). */
  access?: Record<string, unknown>;
  /** The `auth` section of the config file (claims mapping, role map, service accounts). */
  auth?: Record<string, unknown>;
  /** The `telephony` section of the config file (queues, call goals, prefetch). */
  telephony?: Record<string, unknown>;
  /** The `notices` section of the config file (areas, spike rule). */
  notices?: Record<string, unknown>;
  /** The `messaging` section of the config file (SMS provider, digital mailbox, fallback). */
  messaging?: Record<string, unknown>;
  /** The `bankId` section of the config file (e.g. `sandboxBankIdConnection(sandbox)`). */
  bankId?: Record<string, unknown>;
  /** Collects the gateway's JSON log lines (set `env.LOG_LEVEL` too: tests default to silent). */
  logs?: LogLines;
}

/** The gateway's log lines as parsed JSON, for tests that check what is logged and at which level. */
export class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = {
    write: (chunk: string): void => {
      for (const line of chunk.split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
    },
  };
  /** Lines of one request, by its request id. */
  forRequest(requestId: string): Record<string, unknown>[] {
    return this.lines.filter(
      (l) => l.requestId === requestId || (l.req as { id?: string })?.id === requestId,
    );
  }
}

/** A clock a test moves by hand, so time-based behaviour is tested without sleeping. */
export class TestClock {
  constructor(private current = Date.parse('2026-11-24T09:00:00Z')) {}
  now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Boots the real gateway on a free loopback port with its own database, wired to the sandbox. */
export async function startHub(options: StartHubOptions = {}): Promise<TestHub> {
  const database: TestDatabase = await createTestDatabase();
  const plugins = options.plugins ?? defaultPlugins(options.sandbox);
  const configPath = join(mkdtempSync(join(tmpdir(), 'frontdoor-config-')), 'frontdoor.config.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      plugins,
      ...(options.cases
        ? { cases: options.cases === DEMO_CASE_SETUP ? demoCasesFor(plugins) : options.cases }
        : {}),
      ...(options.access ? { access: options.access } : {}),
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.telephony ? { telephony: options.telephony } : {}),
      ...(options.notices ? { notices: options.notices } : {}),
      ...(options.messaging ? { messaging: options.messaging } : {}),
      ...(options.bankId ? { bankId: options.bankId } : {}),
    }),
  );

  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    FRONTDOOR_CONFIG: configPath,
    ...database.env,
    ...options.env,
  };
  const config = loadGatewayConfig(env);
  let app: NestFastifyApplication | undefined;
  try {
    app = await createGateway({
      config,
      loadModule: options.loadModule,
      today: () => TEST_TODAY,
      now: options.clock?.now,
      logStream: options.logs?.stream,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.drop();
    throw error;
  }
  if (config.env.JOBS_IN_PROCESS) await runJobsDueAtStart(app);
  const url = await app.getUrl();
  const started = app;
  let defaultToken: string | undefined;
  const hub: TestHub = {
    url,
    app: started,
    dataSource: started.get(DataSource),
    configPath,
    databaseEnv: { ...database.env, ...pick(options.env, ['DATA_DIR', 'DATABASE_URL']) },
    async graphql(query, variables, opts = {}) {
      if (opts.token === undefined) defaultToken ??= await hub.token('agent', 'agent-test');
      const token = opts.token === undefined ? defaultToken : opts.token;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: never };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    async token(role, sub, name) {
      const response = await fetch(`${url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role, sub, ...(name ? { name } : {}) }),
      });
      if (response.status !== 200) throw new Error(`dev-token: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      await started.close();
      await database.drop();
    },
  };
  return hub;
}

function defaultPlugins(sandbox?: SandboxHandle): Record<string, unknown> {
  if (!sandbox) return {};
  return {
    'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
    invoicing: { connection: sandboxConnection(sandbox, 'invoicing') },
    'waste-collection': { connection: sandboxConnection(sandbox, 'waste') },
    'building-permits': { connection: sandboxConnection(sandbox, 'permits') },
  };
}

/** The four department plugins and the population register (protection markings), against the sandbox. */
export function allPluginsWithRegister(
  sandbox: SandboxHandle,
  registerSettings: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...defaultPlugins(sandbox),
    'population-register': { ...registerSettings, connection: sandboxConnection(sandbox, 'register') },
  };
}

/** Only the childcare plugin, for tests about the hub rather than about departments. */
export function childcarePluginOnly(
  sandbox: SandboxHandle,
  settings: Record<string, unknown> = {},
): Record<string, unknown> {
  return { 'childcare-queue': { ...settings, connection: sandboxConnection(sandbox, 'childcare') } };
}

function pick(env: Record<string, string> | undefined, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => env?.[k] !== undefined).map((k) => [k, env![k]]));
}

/**
 * Lets the embedded queue run what is due at start (a plugin's runOnStart import) before the
 * test's first request, as a person would wait for `npm start` to settle: runs due jobs until
 * none is left, at most 10 s. Hubs on Redis (their jobs run in workers) are left alone.
 */
async function runJobsDueAtStart(app: NestFastifyApplication): Promise<void> {
  const queue = app.get<JobQueue>('JOB_QUEUE');
  if (!(queue instanceof SqlJobQueue)) return;
  const until = Date.now() + 10_000;
  while (Date.now() < until && (await queue.runDueJobs()) > 0);
}

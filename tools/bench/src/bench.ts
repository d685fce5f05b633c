/**
 * `npm run bench`: Frontdoor against its yardsticks, in one run, on this machine (issue 6).
 * Builds the production bundle (dist/), starts the department sandbox and the gateway
 * (NODE_ENV=production) each pinned to its own core with taskset, drives load from this
 * process over loopback with autocannon, bounded in time, and prints one markdown table of
 * ratios measured side by side. Nothing is asserted: the numbers go into docs/performance.md.
 *
 * Environment: BENCH_SECONDS (per load run, default 8), BENCH_SOAK_SECONDS (default 300),
 * BENCH_ROWS (e.g. "1,2,6"; default all), BENCH_CPU_PROF=1 (the gateway profiles the load, not its
 * start-up, and writes tmp/bench/gateway.cpuprofile when it stops; read it with tools/bench/src/cpuprofile-top.ts),
 * BENCH_DATABASE_URL (PostgreSQL for row 6; default: a throwaway one from
 * tools/scripts/postgres-local.sh when /usr/lib/postgresql/15/bin exists).
 */
import autocannon from 'autocannon';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, createWriteStream, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import { buildDist, DIST } from './build-dist';

const ROOT = join(__dirname, '../../..');
const WORK = join(ROOT, 'tmp/bench');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 300);
/** How long the gateway is left alone before its idle RSS counts (row 7). */
const IDLE_SECONDS = Math.max(10, Number(process.env.BENCH_IDLE_SECONDS ?? 60));
const ROWS = new Set((process.env.BENCH_ROWS ?? '1,2,3,4,5,6,7').split(',').map(Number));
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const CONNECTIONS = 16;
const PORT = {
  sandbox: 4110,
  smtp: 4125,
  gateway: 4100,
  gatewayCached: 4101,
  gatewayPg: 4102,
  reference: 4120,
  bare: 4130,
  bareNest: 4131,
  pg: 54339,
};
const SANDBOX = `http://127.0.0.1:${PORT.sandbox}`;
const DEMO_PERSON = '199001012385'; // tagged all-four in the sandbox's demo people
const DEADLINE_MS = 1500; // timeoutMs of every plugin in the bench's configs (benchConfig)
const SLOW_MS = 50;

const QUERIES = {
  trivial: '{ plugins { id } }',
  overview: `{ person(personalNumber: "${DEMO_PERSON}") { personalNumber statuses { source title state label dueDate nextStep } childcareQueue { applications { applicationId queuePosition } } invoices { invoiceNumber amountText } wasteCollection { properties { address bins { typeLabel nextPickup } } } buildingPermits { caseNumber statutoryDecisionDate overdue } sources { plugin state asOf } } }`,
  register: (resolved: boolean) =>
    `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", personalNumber: "${DEMO_PERSON}", summary: "Bench", resolvedAtFirstLine: ${resolved}${resolved ? ', resolution: "svar"' : ''} }) { id } }`,
};

const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];
const taskset = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');
const twoCores = cpus().length >= 2;

/**
 * The gateway's settings for a run: config/embedded.json (every plugin, the case setup, access)
 * with the deadline and cache of every plugin set for the bench, so the bench measures what
 * `npm start` runs rather than a copy that drifts from it.
 */
function writeBenchConfig(name: string, cache: Record<string, number>): void {
  const config = JSON.parse(readFileSync(join(ROOT, 'config/embedded.json'), 'utf8')) as {
    plugins: Record<string, Record<string, unknown>>;
  };
  for (const plugin of Object.values(config.plugins))
    Object.assign(plugin, { timeoutMs: DEADLINE_MS, cache });
  writeFileSync(join(WORK, `config-${name}.json`), JSON.stringify(config, null, 2));
}

/** The node flags the gateway runs with in production (decision 0043). */
function productionNodeFlags(): string[] {
  return JSON.parse(readFileSync(join(ROOT, 'apps/gateway/node-flags.json'), 'utf8')) as string[];
}

/** Starts a node process on the production bundle, pinned to `core` when taskset exists. */
function startNode(
  name: string,
  script: string,
  core: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): ChildProcess {
  const args = [...nodeArgs, join(DIST, script)];
  const [command, argv] =
    taskset && twoCores
      ? ['taskset', ['-c', String(core), process.execPath, ...args]]
      : [process.execPath, args];
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(WORK, `${name}.log`));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.push(child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(
  url: string,
  options: {
    body?: string | string[];
    token?: string;
    connections?: number;
    seconds?: number;
    method?: string;
  },
): Promise<Run> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const bodies =
    options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body];
  const result = await autocannon({
    url,
    method: options.method ?? (bodies.length ? 'POST' : 'GET'),
    headers,
    ...(bodies.length === 1 ? { body: bodies[0] } : {}),
    ...(bodies.length > 1 ? { requests: bodies.map((body) => ({ method: 'POST', body })) } : {}),
    connections: options.connections ?? CONNECTIONS,
    duration: options.seconds ?? SECONDS,
    timeout: 10,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One warm-up (2 s, not counted) then the measured run. */
/** Two or more runs of one server as one: mean throughput, the worst latencies, all errors. */
function averageRuns(runs: Run[]): Run {
  return {
    rps: runs.reduce((sum, run) => sum + run.rps, 0) / runs.length,
    p50: Math.max(...runs.map((run) => run.p50)),
    p99: Math.max(...runs.map((run) => run.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

async function measure(url: string, options: Parameters<typeof load>[1]): Promise<Run> {
  await load(url, { ...options, seconds: 2 });
  return load(url, options);
}

async function graphql(
  port: number,
  query: string,
  token: string,
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Fails the run loudly when a query does not answer what it should: a fast error is no benchmark. */
async function check(
  port: number,
  query: string,
  token: string,
  expect: (data: unknown) => boolean,
  what: string,
): Promise<void> {
  const result = await graphql(port, query, token);
  if (result.errors || !expect(result.data))
    throw new Error(`${what}: unexpected answer ${JSON.stringify(result).slice(0, 500)}`);
}

async function fault(body: object | null): Promise<void> {
  await fetch(`${SANDBOX}/admin/faults`, {
    method: body ? 'POST' : 'DELETE',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  writeBenchConfig('cache-off', { ttlMs: 0, staleIfErrorMs: 0 });
  writeBenchConfig('cache-on', { ttlMs: 60_000 });
  // The load generator shares the sandbox's core, never the gateway's.
  if (taskset && twoCores) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const built = await buildDist();
  console.error(`built dist/ (${built.files} files, ${built.ms} ms)`);

  // Production tokens: the demo issuer is refused under NODE_ENV=production, so the bench is its own issuer.
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = await importPKCS8(
    keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'RS256',
  );
  const token = await new SignJWT({ roles: ['agent'], name: 'Bench Agent' })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer('frontdoor-bench')
    .setAudience('frontdoor')
    .setSubject('bench-agent')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);

  const gatewayEnv = (port: number, config: string, dataDir: string, extra: Record<string, string> = {}) => ({
    PORT: String(port),
    FRONTDOOR_CONFIG: join(WORK, `config-${config}.json`),
    DATA_DIR: join(WORK, dataDir),
    AUTH_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    AUTH_ISSUER: 'frontdoor-bench',
    // The limiter stays on; the bench is one user sending far more than a person can.
    RATE_LIMIT_PER_MINUTE: '1000000',
    CHILDCARE_BASE_URL: `${SANDBOX}/childcare/`,
    HOMECARE_BASE_URL: `${SANDBOX}/homecare/`,
    CHILD_YOUTH_BASE_URL: `${SANDBOX}/child-youth/`,
    INVOICING_BASE_URL: `${SANDBOX}/invoicing/`,
    PARKING_BASE_URL: `${SANDBOX}/parking/`,
    PERMITS_BASE_URL: `${SANDBOX}/permits/`,
    REGISTER_BASE_URL: `${SANDBOX}/register/`,
    SWIM_BASE_URL: `${SANDBOX}/swim/`,
    WASTE_BASE_URL: `${SANDBOX}/waste/`,
    WATER_BASE_URL: `${SANDBOX}/water/`,
    CHIMNEY_SWEEP_BASE_URL: `${SANDBOX}/chimney-sweep/`,
    SCHOOL_BASE_URL: `${SANDBOX}/school/`,
    INCOME_SUPPORT_BASE_URL: `${SANDBOX}/income-support/`,
    SMTP_URL: `smtp://127.0.0.1:${PORT.smtp}`,
    ...extra,
  });
  const profile = (name: string): Record<string, string> =>
    CPU_PROF ? { BENCH_CPU_PROF_FILE: join(WORK, `${name}.cpuprofile`) } : {};
  // The gateway runs with the node flags production uses (apps/gateway/node-flags.json);
  // BENCH_GATEWAY_NODE_FLAGS replaces them, e.g. empty to measure V8's defaults.
  const gatewayFlags = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? productionNodeFlags().join(' '))
    .split(' ')
    .filter(Boolean);
  const profiler = [
    ...gatewayFlags,
    ...(CPU_PROF ? ['-r', join(DIST, 'tools/bench/src/cpu-profile-window.js')] : []),
  ];

  startNode('sandbox', 'apps/dept-sandbox/src/main.js', 1, {
    SANDBOX_PORT: String(PORT.sandbox),
    SANDBOX_SMTP_PORT: String(PORT.smtp),
  });
  await waitFor(`${SANDBOX}/demo/people`);
  const gateway = startNode(
    'gateway',
    'apps/gateway/src/main.js',
    0,
    gatewayEnv(PORT.gateway, 'cache-off', 'sqlite', profile('gateway')),
    profiler,
  );
  startNode('reference', 'tools/bench/src/reference-server.js', 0, {
    SANDBOX_URL: SANDBOX,
    REFERENCE_PORT: String(PORT.reference),
  });
  startNode('bare-apollo', 'tools/bench/src/bare-apollo.js', 0, { BARE_APOLLO_PORT: String(PORT.bare) });
  startNode('bare-nest', 'tools/bench/src/bare-nest-apollo.js', 0, { BARE_NEST_PORT: String(PORT.bareNest) });
  await waitFor(`http://127.0.0.1:${PORT.gateway}/health/ready`);
  await waitFor(`http://127.0.0.1:${PORT.reference}/person/${DEMO_PERSON}`);
  await waitFor(`http://127.0.0.1:${PORT.bareNest}/ready`);
  const gql = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const hasWaste = (data: unknown) => JSON.stringify(data).includes('Storgatan');
  await check(PORT.gateway, QUERIES.overview, token, hasWaste, 'person overview');
  // Idle: the gateway started and answered one overview, then nothing. RSS 2 s and 10 s after
  // that answer still hold what start-up and the answer left; V8's memory reducer, which gives
  // back the young generation's grown semi-spaces, runs after several seconds without
  // allocation, so the row counts the RSS after IDLE_SECONDS alone (decision 0092).
  const idleSince = Date.now();
  const idleAt = async (seconds: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, idleSince + seconds * 1000 - Date.now())));
    return rssMb(gateway.pid!);
  };
  const rssIdleEarly = await idleAt(2);
  const rssIdle10 = await idleAt(10);
  const rssIdle = await idleAt(IDLE_SECONDS);
  const idleCell = `${f0(rssIdleEarly)} MB 2 s after the first answer, ${f0(rssIdle10)} MB 10 s after, **${f0(rssIdle)} MB** ${IDLE_SECONDS} s after`;
  if (CPU_PROF) gateway.kill('SIGWINCH');

  const rows: string[] = [];
  const row = (cells: string[]) => rows.push(`| ${cells.join(' | ')} |`);
  let overviewRps = 0;

  if (ROWS.has(1)) {
    await check(
      PORT.gateway,
      QUERIES.trivial,
      token,
      (d) => JSON.stringify(d).includes('childcare-queue'),
      'trivial query',
    );
    await check(
      PORT.bareNest,
      QUERIES.trivial,
      '',
      (d) => JSON.stringify(d).includes('childcare-queue'),
      'bare nest',
    );
    const body = JSON.stringify({ query: QUERIES.trivial });
    // Three servers, two rounds in turn (A B C, then B C A), each server's two runs averaged:
    // this machine's speed drifts by 2× from one minute to the next, and a ratio of two runs
    // far apart measured the drift.
    const targets = {
      bare: () => measure(`http://127.0.0.1:${PORT.bare}/`, { body }),
      gateway: () => measure(gql(PORT.gateway), { body, token }),
      nest: () => measure(gql(PORT.bareNest), { body }),
    };
    const runs: Record<keyof typeof targets, Run[]> = { bare: [], gateway: [], nest: [] };
    for (const order of [
      ['bare', 'gateway', 'nest'],
      ['gateway', 'nest', 'bare'],
    ] as const)
      for (const name of order) runs[name].push(await targets[name]());
    const [bareRun, gw, nest] = [runs.bare, runs.gateway, runs.nest].map(averageRuns);
    const ratio = gw.rps / bareRun.rps;
    row([
      '1. trivial query `{ plugins { id } }` vs bare @apollo/server',
      `${f0(gw.rps)} vs ${f0(bareRun.rps)} req/s; p50 ${gw.p50} vs ${bareRun.p50} ms, p99 ${gw.p99} vs ${bareRun.p99} ms`,
      `**${f2(ratio)}×** throughput`,
      '≥ 0.5×',
      verdict(ratio >= 0.5) + errorsNote(gw, bareRun),
    ]);
    // Not a target: the fixed stack (NestJS + Fastify + @nestjs/apollo) with nothing of the hub's.
    row([
      '1b. the same on bare NestJS + Fastify + @nestjs/apollo (the stack alone)',
      `${f0(nest.rps)} vs ${f0(bareRun.rps)} req/s; p50 ${nest.p50} ms, p99 ${nest.p99} ms; the gateway at ${f2(gw.rps / nest.rps)}× of it`,
      `**${f2(nest.rps / bareRun.rps)}×** throughput`,
      '(yardstick)',
      errorsNote(nest, bareRun),
    ]);
  }

  if (ROWS.has(2) || ROWS.has(3) || ROWS.has(5)) {
    const body = JSON.stringify({ query: QUERIES.overview });
    const refUrl = `http://127.0.0.1:${PORT.reference}/person/${DEMO_PERSON}`;
    const ref = await measure(refUrl, {});
    const gw = await measure(gql(PORT.gateway), { body, token });
    // Added latency without queueing: one request at a time.
    const refOne = await load(refUrl, { connections: 1, seconds: 4 });
    const gwOne = await load(gql(PORT.gateway), { body, token, connections: 1, seconds: 4 });
    overviewRps = gw.rps;
    const ratio = gw.rps / ref.rps;
    const added = gwOne.p50 - refOne.p50;
    row([
      '2. person overview, all plugins, cache off, sandbox 0 ms, vs plain Fastify + undici',
      `${f0(gw.rps)} vs ${f0(ref.rps)} req/s (c=${CONNECTIONS}); one at a time p50 ${gwOne.p50} vs ${refOne.p50} ms, p99 ${gwOne.p99} vs ${refOne.p99} ms`,
      `**${f2(ratio)}×** throughput, **+${f1(added)} ms** p50, +${f1(gwOne.p99 - refOne.p99)} ms p99`,
      '≥ 0.5×, added p50 < 2 ms',
      verdict(ratio >= 0.5 && added < 2) + errorsNote(gw, ref),
    ]);
  }

  if (ROWS.has(3)) {
    const cached = startNode(
      'gateway-cached',
      'apps/gateway/src/main.js',
      0,
      gatewayEnv(PORT.gatewayCached, 'cache-on', 'sqlite-cached', profile('gateway-cached')),
      profiler,
    );
    await waitFor(`http://127.0.0.1:${PORT.gatewayCached}/health/ready`);
    await check(PORT.gatewayCached, QUERIES.overview, token, hasWaste, 'person overview (cache on)');
    if (CPU_PROF) cached.kill('SIGWINCH');
    const warm = await measure(gql(PORT.gatewayCached), {
      body: JSON.stringify({ query: QUERIES.overview }),
      token,
    });
    await stop(cached);
    const ratio = warm.rps / overviewRps;
    row([
      '3. the same, cache warm',
      `${f0(warm.rps)} vs ${f0(overviewRps)} req/s; p50 ${warm.p50} ms, p99 ${warm.p99} ms`,
      `**${f1(ratio)}×** row 2`,
      '≥ 5×',
      verdict(ratio >= 5) + errorsNote(warm),
    ]);
  }

  if (ROWS.has(4)) {
    for (const system of ['childcare', 'invoicing', 'permits', 'register'])
      await fault({ system, mode: 'slow', delayMs: SLOW_MS });
    // One request at a time: the question is whether the calls run side by side, not how the
    // gateway queues under load (at c=16 its p50 is c / throughput).
    const slow = await measure(gql(PORT.gateway), {
      body: JSON.stringify({ query: QUERIES.overview }),
      token,
      connections: 1,
      seconds: 5,
    });
    const ref = await load(`http://127.0.0.1:${PORT.reference}/person/${DEMO_PERSON}`, {
      connections: 1,
      seconds: 3,
    });
    const busy = await load(gql(PORT.gateway), {
      body: JSON.stringify({ query: QUERIES.overview }),
      token,
      seconds: 4,
    });
    await fault(null);
    row([
      `4. the same, every department call ${SLOW_MS} ms`,
      `one at a time p50 ${slow.p50} ms, p99 ${slow.p99} ms (reference p50 ${ref.p50} ms); c=${CONNECTIONS}: p50 ${busy.p50} ms, ${f0(busy.rps)} req/s`,
      `**${f2(slow.p50 / SLOW_MS)}×** one round trip`,
      `p50 < ${1.5 * SLOW_MS} ms`,
      verdict(slow.p50 < 1.5 * SLOW_MS) + errorsNote(slow),
    ]);
  }

  if (ROWS.has(5)) {
    await fault({ system: 'childcare', mode: 'hang' });
    const hung = await load(gql(PORT.gateway), {
      body: JSON.stringify({ query: QUERIES.overview }),
      token,
      seconds: SECONDS + 2,
    });
    await fault(null);
    const ratio = hung.rps / overviewRps;
    row([
      '5. childcare system hanging (from the first request)',
      `p99 ${hung.p99} ms (deadline ${DEADLINE_MS} ms), p50 ${hung.p50} ms, ${f0(hung.rps)} req/s vs ${f0(overviewRps)}`,
      `p99 **${hung.p99} ms**, **${f2(ratio)}×** row 2`,
      `p99 < ${DEADLINE_MS + 100} ms, ≥ 0.5× row 2`,
      verdict(hung.p99 < DEADLINE_MS + 100 && ratio >= 0.5) + errorsNote(hung),
    ]);
  }

  if (ROWS.has(6)) {
    const bodies = [true, true, false].map((resolved) =>
      JSON.stringify({ query: QUERIES.register(resolved) }),
    );
    await check(
      PORT.gateway,
      QUERIES.register(true),
      token,
      (d) => JSON.stringify(d).includes('"id"'),
      'registerContact',
    );
    const sqlite = await measure(gql(PORT.gateway), { body: bodies, token });
    let pgCell = 'not run (no PostgreSQL)';
    let pgOk = false;
    const pg = await startPostgres();
    if (pg) {
      const gwPg = startNode(
        'gateway-pg',
        'apps/gateway/src/main.js',
        0,
        gatewayEnv(PORT.gatewayPg, 'cache-off', 'pg-unused', {
          DATABASE_URL: pg.url,
          ...profile('gateway-pg'),
        }),
        profiler,
      );
      try {
        await waitFor(`http://127.0.0.1:${PORT.gatewayPg}/health/ready`);
        if (CPU_PROF) gwPg.kill('SIGWINCH');
        await check(
          PORT.gatewayPg,
          QUERIES.register(true),
          token,
          (d) => JSON.stringify(d).includes('"id"'),
          'registerContact on PostgreSQL',
        );
        const onPg = await measure(gql(PORT.gatewayPg), { body: bodies, token });
        pgCell = `PostgreSQL **${f0(onPg.rps)}/s** (p50 ${onPg.p50} ms)${errorsNote(onPg)}`;
        pgOk = onPg.rps >= 1000;
      } finally {
        await stop(gwPg);
        pg.stop();
      }
    }
    row([
      '6. registerContact (⅔ resolved at once, ⅓ left open), gateway on one core',
      `SQLite ${f0(sqlite.rps)}/s (p50 ${sqlite.p50} ms); ${pgCell}`,
      `SQLite **${f0(sqlite.rps)}/s**; ${pgCell.split(' (')[0]}`,
      '≥ 1,000/s each',
      verdict(sqlite.rps >= 1000 && pgOk) + errorsNote(sqlite),
    ]);
  }

  const rssAfterLoad = rssMb(gateway.pid!);
  if (ROWS.has(7)) {
    // The soak: person overviews (cache off) and registrations, alternating, moderate concurrency.
    const samples: Array<[number, number]> = [];
    const soakStart = Date.now();
    const sampler = setInterval(
      () => samples.push([(Date.now() - soakStart) / 60_000, rssMb(gateway.pid!)]),
      5000,
    );
    const overview = JSON.stringify({ query: QUERIES.overview });
    const register = JSON.stringify({ query: QUERIES.register(true) });
    await load(gql(PORT.gateway), {
      body: [overview, overview, overview, register],
      token,
      connections: 8,
      seconds: SOAK_SECONDS,
    });
    clearInterval(sampler);
    const rssSoak = rssMb(gateway.pid!);
    // Growth trend over the second half of the soak (the first half includes warm-up of caches and JIT).
    const half = samples.filter(([t]) => t >= SOAK_SECONDS / 120);
    const slope = leastSquaresSlope(half);
    row([
      `7. gateway RSS: idle / after rows 1–6 / after a ${f1(SOAK_SECONDS / 60)}-minute soak`,
      `${f0(rssIdle)} / ${f0(rssAfterLoad)} / ${f0(rssSoak)} MB; second-half trend ${slope >= 0 ? '+' : ''}${f1(slope)} MB/min (${half.length} samples)`,
      `idle ${idleCell}, trend **${f1(slope)} MB/min**`,
      'idle < 150 MB, no growth',
      verdict(rssIdle < 150 && slope < 1),
    ]);
  } else {
    row([
      '7. gateway RSS: idle / after load',
      `${f0(rssIdle)} / ${f0(rssAfterLoad)} MB (no soak)`,
      `idle ${idleCell}`,
      'idle < 150 MB',
      verdict(rssIdle < 150),
    ]);
  }

  for (const child of children) await stop(child);
  const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `\nFrontdoor bench, ${new Date().toISOString()}: ${cpus().length} × ${cpus()[0]?.model.trim()}, node ${process.version}, ` +
      `${taskset && twoCores ? 'gateway on core 0, sandbox + load generator on core 1' : 'no core pinning'}, load average ${load1}, ${f0((Date.now() - started) / 1000)} s\n`,
  );
  console.log('| row | measured | ratio | target | |');
  console.log('|---|---|---|---|---|');
  for (const line of rows) console.log(line);
}

function errorsNote(...runs: Run[]): string {
  const errors = runs.reduce((sum, run) => sum + run.errors, 0);
  return errors ? ` (${errors} errors/non-2xx)` : '';
}

function leastSquaresSlope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx ? sxy / sxx : 0;
}

/** BENCH_DATABASE_URL, or a throwaway PostgreSQL 15 on the sandbox's core; null when there is none. */
async function startPostgres(): Promise<{ url: string; stop(): void } | null> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => undefined };
  if (!existsSync('/usr/lib/postgresql/15/bin/postgres')) return null;
  const dir = `/tmp/frontdoor-bench-pg-${process.pid}`;
  const script = join(ROOT, 'tools/scripts/postgres-local.sh');
  const [command, args] = taskset && twoCores ? ['taskset', ['-c', '1', script]] : [script, []];
  const url = execFileSync(command, [...args, 'start', dir, String(PORT.pg)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    execFileSync(script, ['stop', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  return { url, stop };
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    for (const child of children) await stop(child);
    for (const cleanup of cleanups) cleanup();
    process.exit(1);
  },
);

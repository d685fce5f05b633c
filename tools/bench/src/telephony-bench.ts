/**
 * Call events the hub takes in per second (issue 15, item 7), with the managers' live view
 * and an agent's screen open. Starts the gateway from source (swc) pinned to core 0 with
 * taskset, on SQLite or, with DATABASE_URL, PostgreSQL; this process drives it from core 1:
 * a seeded scenario from the sandbox's telephony platform (callScenario), posted by
 * `--connections` concurrent senders, for `--seconds`. Prints events/s, latency p50/p99, and
 * how many live-view updates and answered calls reached the open subscriptions.
 *
 *   node -r @swc-node/register tools/bench/src/telephony-bench.ts [--seconds 20] [--connections 16]
 *   DATABASE_URL=postgres://… node -r @swc-node/register tools/bench/src/telephony-bench.ts
 *
 * Measures, never asserts: numbers go to docs/performance.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { callScenario } from '@frontdoor/dept-sandbox';

const ROOT = join(__dirname, '../../..');
const WORK = join(ROOT, 'tmp/bench');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 20);
const CONNECTIONS = arg('connections', 16);
const PORT = arg('port', 4140);
const HUB = `http://127.0.0.1:${PORT}`;
const pinned = (existsSync('/usr/bin/taskset') || existsSync('/bin/taskset')) && cpus().length >= 2;

async function waitFor(url: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function token(role: string, sub: string): Promise<string> {
  const response = await fetch(`${HUB}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, sub }),
  });
  return ((await response.json()) as { token: string }).token;
}

function subscribeCounting(auth: string, query: string): { count: () => number; close: () => Promise<void> } {
  let received = 0;
  const client = createClient({
    url: `${HUB.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${auth}` },
  });
  const dispose = client.subscribe(
    { query },
    { next: () => void received++, error: () => undefined, complete: () => undefined },
  );
  return {
    count: () => received,
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const kind = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdoor-telephony-bench-'));
  const configPath = join(WORK, 'telephony-bench.config.json');
  // No department plugins: this measures the webhook and the contact log, not the departments
  // (the IVR's personal numbers are taken off the events, so nothing is asked ahead).
  writeFileSync(
    configPath,
    JSON.stringify({
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
    }),
  );
  // BENCH_CPU_PROF=1: a CPU profile of the gateway into tmp/bench/ (read it with cpuprofile-top.ts).
  const profile = process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', '--cpu-prof-dir', WORK] : [];
  const args = [...profile, '-r', '@swc-node/register', join(ROOT, 'apps/gateway/src/main.ts')];
  const [command, argv] = pinned
    ? ['taskset', ['-c', '0', process.execPath, ...args]]
    : [process.execPath, args];
  const gateway: ChildProcess = spawn(command, argv, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(PORT),
      FRONTDOOR_CONFIG: configPath,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(WORK, 'telephony-gateway.log'));
  gateway.stdout!.pipe(log);
  gateway.stderr!.pipe(log);
  try {
    await waitFor(`${HUB}/health/ready`);
    const platform = `Bearer ${await token('service', 'telephony-platform')}`;
    // --no-live: the same load with no console open, to see what the live view costs.
    const quiet = { count: () => 0, close: async () => undefined };
    const open = !process.argv.includes('--no-live');
    const live = !open
      ? quiet
      : subscribeCounting(
          await token('manager', 'bench-manager'),
          'subscription { contactCenterChanged { callsWaiting agentsOnCall } }',
        );
    const screen = !open
      ? quiet
      : subscribeCounting(await token('agent', 'agent-sim-1'), 'subscription { myCalls { callId } }');
    // Enough calls for the run at well over the target, all on one simulated day.
    const events = callScenario({
      seed: 15,
      calls: Math.max(20_000, SECONDS * 600),
      start: new Date(Date.now() - 6 * 3600_000).toISOString(),
      meanArrivalS: 0.5,
      agents: Array.from({ length: 200 }, (_, i) => `agent-sim-${i + 1}`),
      idPrefix: `bench-${Date.now().toString(36)}`,
    }).map(({ ivrPersonalNumber: _dropped, ...event }) => JSON.stringify(event));
    if (pinned) spawn('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });

    let next = 0;
    let errors = 0;
    const latencies: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until && next < events.length) {
          const body = events[next++];
          const t0 = performance.now();
          const response = await fetch(`${HUB}/telephony/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: platform },
            body,
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (response.status !== 200) errors++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the live view's last coalesced update
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    console.log(
      `| ${kind} | ${CONNECTIONS} | ${latencies.length} | ${(latencies.length / elapsed).toFixed(0)} | ${at(0.5)} | ${at(0.99)} | ${errors} | ${live.count()} | ${screen.count()} | ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} |`,
    );
    await live.close();
    await screen.close();
  } finally {
    gateway.kill('SIGTERM');
    await new Promise((resolve) => gateway.once('exit', resolve));
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

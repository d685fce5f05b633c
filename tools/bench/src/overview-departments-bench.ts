/**
 * Issue 26's overview rows: the person overview with nine departments against four, cache off,
 * every department system answering after `--delay` ms. Two hubs from `@frontdoor/testing`, each
 * in a process of its own run with the gateway's production node flags
 * (apps/gateway/node-flags.json, decision 0043; BENCH_GATEWAY_NODE_FLAGS replaces them, e.g.
 * empty for V8's defaults, as in bench.ts): overview-hub-process.ts. The department sandbox in
 * a process of its own (apps/dept-sandbox, ports 4180–4182), so that the departments' own work
 * is not counted as the hub's; the load from autocannon in a child process (its CLI).
 *
 * Four: childcare, invoicing, waste, building permits (+ the population register), as `bench.ts`.
 * Nine: those, parking, swimming, water, chimney sweep and school absence (+ the register): the
 * nine departments open to an agent in the demo. (Income support can stand in for one of them:
 * it is then opened to agents at level 2 with four eyes, without the caller's identification.)
 *
 * Rows: p50/p95 of `--sequential` requests one at a time, then throughput under `--connections`
 * for `--seconds`, `--rounds` times, the hubs measured alternately (four, nine, four, nine) so the
 * machine's load falls on both alike; throughput is the mean of the rounds.
 *
 *   node -r @swc-node/register tools/bench/src/overview-departments-bench.ts [--delay 50] [--sequential 50] [--seconds 8] [--connections 16] [--rounds 6]
 *
 * The hubs run on the Node that runs the bench. Production runs Node 24 (decision 0093), so the
 * figures for the issue are taken under it:
 *   tools/scripts/with-node.sh 24 node -r @swc-node/register tools/bench/src/overview-departments-bench.ts
 *
 * Measures, never asserts: numbers go to docs/performance.md.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';
import { slowDepartments, type EmbeddedPluginId } from './embedded-departments';
import { startSandboxProcess } from './sandbox-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DELAY = arg('delay', 50);
const SEQUENTIAL = arg('sequential', 50);
const SECONDS = arg('seconds', 8);
const CONNECTIONS = arg('connections', 16);
// Six: two-round runs spread from 0.76 to 0.92 on one machine (docs/performance.md).
const ROUNDS = arg('rounds', 6);
const AUTOCANNON = join(__dirname, '../../../node_modules/autocannon/autocannon.js');
const SANDBOX_PORT = 4180;
const ANNA = '199001012385'; // tagged all-four in the sandbox's demo people

const FOUR: EmbeddedPluginId[] = [
  'childcare-queue',
  'invoicing',
  'waste-collection',
  'building-permits',
  'population-register',
];
const NINE: EmbeddedPluginId[] = [...FOUR, 'parking', 'swimming', 'water', 'chimney-sweep', 'school-absence'];
/** The same document for both hubs: every department's statuses and how each answered. */
const OVERVIEW = JSON.stringify({
  query: `{ person(personalNumber: "${ANNA}") { personalNumber statuses { source title state label dueDate nextStep } sources { plugin state asOf } } }`,
});

interface Hub {
  label: string;
  url: string;
  token: string;
  departments: number;
  process: ChildProcess;
}

/** The gateway's production node flags, or BENCH_GATEWAY_NODE_FLAGS. */
function gatewayNodeFlags(): string[] {
  const production = readFileSync(join(__dirname, '../../../apps/gateway/node-flags.json'), 'utf8');
  return (process.env.BENCH_GATEWAY_NODE_FLAGS ?? (JSON.parse(production) as string[]).join(' '))
    .split(' ')
    .filter(Boolean);
}

/** A hub in a process of its own (V8 sizes its heap before any code runs: flags on the command line). */
async function startBenchHub(sandbox: { url: string }, label: string, ids: EmbeddedPluginId[]): Promise<Hub> {
  const child = spawn(
    process.execPath,
    [...gatewayNodeFlags(), '-r', '@swc-node/register', join(__dirname, 'overview-hub-process.ts')],
    {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        OVERVIEW_HUB_PLUGINS: ids.join(','),
        OVERVIEW_HUB_SANDBOX: sandbox.url,
        OVERVIEW_HUB_DEADLINE_MS: String(DELAY + 1500),
      },
    },
  );
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) =>
      reject(new Error(`${label}: hub process exited (${code}) before it answered`)),
    );
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  const departments = ids.filter((id) => id !== 'population-register').length;
  return { label, url, token, departments, process: child };
}

/** One overview request; throws unless every department answered OK. */
async function overview({ url, token, departments }: Hub): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: OVERVIEW,
  });
  const body = (await response.json()) as {
    data?: { person: { sources: { plugin: string; state: string }[] } };
    errors?: unknown;
  };
  const ok = body.data?.person.sources.filter((s) => s.state === 'OK').length ?? 0;
  if (body.errors || ok !== departments + 1)
    throw new Error(`overview not whole: ${JSON.stringify(body).slice(0, 500)}`);
}

async function sequential(hub: Hub): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await overview(hub); // warm
  const samples: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t = performance.now();
    await overview(hub);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: p(0.5), p95: p(0.95) };
}

interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon in a child process, so the load generator does not share the hubs' event loop. */
async function load({ url, token }: Hub, seconds: number): Promise<LoadRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      AUTOCANNON,
      '-c',
      String(CONNECTIONS),
      '-d',
      String(seconds),
      '-t',
      '10',
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-H',
      `authorization=Bearer ${token}`,
      '-b',
      OVERVIEW,
      '-j',
      `${url}/graphql`,
    ],
    { timeout: (seconds + 30) * 1000, maxBuffer: 16 * 2 ** 20 },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const sandbox = await startSandboxProcess(SANDBOX_PORT);
  const hubs: Hub[] = [];
  try {
    await slowDepartments(sandbox, NINE, DELAY);
    hubs.push(await startBenchHub(sandbox, 'four departments', FOUR));
    hubs.push(await startBenchHub(sandbox, 'nine departments', NINE));
    const oneAtATime = new Map<Hub, { p50: number; p95: number }>();
    for (const hub of hubs) oneAtATime.set(hub, await sequential(hub));
    const runs = new Map<Hub, LoadRun[]>(hubs.map((hub) => [hub, []]));
    for (const hub of hubs) await load(hub, 2); // warm
    for (let round = 0; round < ROUNDS; round++)
      for (const hub of hubs) runs.get(hub)!.push(await load(hub, SECONDS));
    const mean = (hub: Hub) => {
      const all = runs.get(hub)!;
      return {
        rps: all.reduce((sum, r) => sum + r.rps, 0) / all.length,
        p50: Math.max(...all.map((r) => r.p50)),
        p99: Math.max(...all.map((r) => r.p99)),
        errors: all.reduce((sum, r) => sum + r.errors, 0),
      };
    };
    console.log(
      `hubs on Node ${process.version}, node flags: ${gatewayNodeFlags().join(' ') || '(V8 defaults)'}`,
    );
    console.log(
      `| departments (+ register) | one at a time p50 / p95 ms (${SEQUENTIAL}) | req/s at ${CONNECTIONS} connections (${ROUNDS} × ${SECONDS} s) | p50 / p99 under load ms | errors |`,
    );
    console.log('|---|---|---|---|---|');
    for (const hub of hubs) {
      const one = oneAtATime.get(hub)!;
      const run = mean(hub);
      console.log(
        `| ${hub.departments} | ${one.p50.toFixed(1)} / ${one.p95.toFixed(1)} | ${run.rps.toFixed(1)} | ${run.p50} / ${run.p99} | ${run.errors} |`,
      );
    }
    const [four, nine] = hubs.map(mean);
    const [fourRuns, nineRuns] = hubs.map((hub) => runs.get(hub)!);
    // Each round's pair, so the spread from round to round shows beside the mean.
    const pairs = fourRuns.map((run, i) => (nineRuns[i].rps / run.rps).toFixed(2));
    console.log(
      `| nine ÷ four throughput | ${(nine.rps / four.rps).toFixed(2)} (rounds: ${pairs.join(', ')}) | department delay ${DELAY} ms, cache off | load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} | |`,
    );
  } finally {
    for (const hub of hubs) hub.process.kill('SIGTERM');
    sandbox.close();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

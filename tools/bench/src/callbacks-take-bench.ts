/**
 * Issue 25's callback row: `--agents` agents pressing "take the next callback" at once
 * (`takeNextCallback`), spread over two gateways on one database and one Redis, with as many
 * callbacks waiting (requested by the telephony platform, `POST /telephony/callbacks`). Counts
 * what each agent got: every callback taken exactly once, none twice, none left waiting while
 * an agent got nothing; and the p95 of the mutation. `--rounds` rounds, the queue emptied between.
 *
 *   DATABASE_URL=postgres://… node -r @swc-node/register tools/bench/src/callbacks-take-bench.ts [--agents 100] [--rounds 5]
 *
 * Redis: a redis-server of its own on 127.0.0.1:4160 (`--redis-port`; `--no-redis`: none, the
 * gateways share only the database). The hubs' clock stands on a Tuesday at 10:00 (open hours).
 * Measures, never asserts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CallbackRequest, CallbackStatus } from '@frontdoor/core';
import { DEMO_CASE_SETUP, TestClock, startHub, waitForPort, type TestHub } from '@frontdoor/testing';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const AGENTS = arg('agents', 100);
const ROUNDS = arg('rounds', 5);
const REDIS_PORT = arg('redis-port', 4160);
const WITH_REDIS = !process.argv.includes('--no-redis');
const PLATFORM = 'telephony-platform';
/** Tuesday 24 November 2026, 10:00 in Stockholm: a working day, open. */
const TUESDAY_10 = Date.parse('2026-11-24T09:00:00Z');

async function requestCallbacks(hub: TestHub, round: number, count: number): Promise<void> {
  const token = await hub.token('service', PLATFORM);
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${hub.url}/telephony/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        requestId: `bench-${round}-${i}`,
        number: `070-${String(1_000_000 + round * 1000 + i).slice(1, 4)} ${String(10_000 + i).slice(1)}`,
        queue: 'kundtjanst',
        callAt: null,
      }),
    });
    if (response.status >= 300)
      throw new Error(`callback request: ${response.status} ${await response.text()}`);
  }
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) console.warn('No DATABASE_URL: two gateways on one SQLite file.');
  let redis: ChildProcess | undefined;
  const hubs: TestHub[] = [];
  try {
    let env: Record<string, string> = {};
    if (WITH_REDIS) {
      redis = spawn(
        'redis-server',
        ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await waitForPort(REDIS_PORT, 10_000, 'redis-server');
      env = {
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        REDIS_QUEUE: `callbacks-bench-${process.pid}`,
        JOBS_IN_PROCESS: 'false',
      };
    }
    const clock = new TestClock(TUESDAY_10);
    const options = {
      clock,
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
      env: { ...env, RATE_LIMIT_PER_MINUTE: '1000000' },
    };
    hubs.push(await startHub(options));
    hubs.push(await startHub({ ...options, env: { ...options.env, ...hubs[0].databaseEnv } }));
    const repo = hubs[0].dataSource.getRepository(CallbackRequest);
    const tokens = await Promise.all(
      Array.from({ length: AGENTS }, (_, i) => hubs[i % 2].token('agent', `agent-${i}`)),
    );
    let taken = 0;
    let duplicates = 0;
    let emptyHanded = 0;
    let leftWaiting = 0;
    let errors = 0;
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await requestCallbacks(hubs[0], round, AGENTS);
      const answers = await Promise.all(
        tokens.map(async (token, i) => {
          const t = performance.now();
          const response = await hubs[i % 2].graphql<{ takeNextCallback: { id: string } | null }>(
            'mutation { takeNextCallback { id } }',
            {},
            { token },
          );
          latencies.push(performance.now() - t);
          if (response.errors) {
            errors++;
            return null;
          }
          return response.data!.takeNextCallback?.id ?? null;
        }),
      );
      const ids = answers.filter((id): id is string => id !== null);
      taken += new Set(ids).size;
      duplicates += ids.length - new Set(ids).size;
      emptyHanded += answers.length - ids.length;
      leftWaiting += await repo.countBy({ status: CallbackStatus.WAITING });
      // Every callback closed so the next round starts with an empty queue and free agents.
      await repo
        .createQueryBuilder()
        .update()
        .set({ status: CallbackStatus.REACHED, takenBy: null })
        .where('status IN (:...open)', { open: [CallbackStatus.WAITING, CallbackStatus.TAKEN] })
        .execute();
    }
    // The same mutation with nobody else taking: what the contention above adds, on this machine now.
    await requestCallbacks(hubs[0], ROUNDS, AGENTS);
    const alone: number[] = [];
    for (const [i, token] of tokens.entries()) {
      const t = performance.now();
      const response = await hubs[i % 2].graphql('mutation { takeNextCallback { id } }', {}, { token });
      alone.push(performance.now() - t);
      if (response.errors) errors++;
    }
    const p = (samples: number[], q: number) => {
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    };
    console.log(
      '| database | gateways | agents at once × rounds | callbacks waiting | taken | taken twice | agents who got none | left waiting | errors | takeNextCallback p50 / p95 / max ms | one agent at a time p50 / p95 ms | load average |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${process.env.DATABASE_URL ? 'PostgreSQL 15' : 'SQLite'} | 2${WITH_REDIS ? ' + Redis' : ''} | ${AGENTS} × ${ROUNDS} | ${AGENTS * ROUNDS} | ${taken} | ${duplicates} | ${emptyHanded} | ${leftWaiting} | ${errors} | ${p(latencies, 0.5).toFixed(0)} / ${p(latencies, 0.95).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} | ${p(alone, 0.5).toFixed(0)} / ${p(alone, 0.95).toFixed(0)} | ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} |`,
    );
  } finally {
    for (const hub of hubs.reverse()) await hub.close();
    redis?.kill('SIGKILL');
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

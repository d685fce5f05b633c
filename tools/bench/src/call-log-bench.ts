/**
 * The contact log alone (issue 15): CallLog.record in this process, one event after another,
 * no HTTP, no Nest; the floor under the webhook's events/s. `--synchronous normal` runs SQLite
 * with PRAGMA synchronous=NORMAL instead of the hub's FULL, to show what the commit's fsync
 * costs (not what the hub runs with).
 *
 *   node -r @swc-node/register tools/bench/src/call-log-bench.ts [--events 2000] [--synchronous normal]
 *   DATABASE_URL=postgres://… node -r @swc-node/register tools/bench/src/call-log-bench.ts
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { CORE_ENTITIES, CallLog } from '@frontdoor/core';
import { callScenario } from '@frontdoor/dept-sandbox';
import { createTestDatabase, openTestDataSource } from '@frontdoor/persistence';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const count = Number(arg('events') ?? 2000);
  const database = await createTestDatabase();
  const dataSource = await openTestDataSource(database, CORE_ENTITIES);
  if (arg('synchronous') === 'normal' && database.kind === 'sqlite')
    await dataSource.query('PRAGMA synchronous = NORMAL');
  const log = new CallLog(dataSource);
  const events = callScenario({ seed: 15, calls: count, start: '2026-11-24T07:00:00Z', meanArrivalS: 1 })
    .slice(0, count)
    .map((e) => ({
      callId: e.callId,
      event: e.event,
      at: new Date(e.at),
      queue: e.queue,
      from: e.from,
      to: e.to,
      agentId: e.agentId ?? null,
      ivrPersonalNumber: null,
    }));
  const started = performance.now();
  for (const event of events) await log.record(event);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `| ${database.kind}${arg('synchronous') ? ` synchronous=${arg('synchronous')}` : ''} | ${events.length} | ${(events.length / seconds).toFixed(0)} | ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} |`,
  );
  await dataSource.destroy();
  await database.drop();
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Issue 26's report rows: the monthly avoidable-contacts report (and the coverage figure beside
 * it) and the spike check, at a year of Skellefteå's volume (seed-year.ts), p95 and how long
 * they hold the event loop. In this process, through the hub's own functions (no HTTP), after
 * the year's first roll-up (the hub's job keeps it current every minute).
 *
 *   DATABASE_URL=postgres://… node -r @swc-node/register tools/bench/src/year/reports-bench.ts [--scale 1] [--runs 50]
 *
 * Without DATABASE_URL: a SQLite file in a temp folder. Measures, never asserts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JOB_ENTITIES } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';
import {
  avoidableContactsReport,
  categorySpikes,
  CORE_ENTITIES,
  monthlyCoverage,
  rollUpStatistics,
} from '@frontdoor/core';
import { seedYear } from './seed-year';

/** The demo's categories a department system answers (config/embedded.json's answeredBy). */
const ANSWERED_BY = new Map([
  ['forsorjningsstod', 'income-support'],
  ['fakturor', 'invoicing'],
  ['hemtjanst', 'home-care'],
  ['avfall', 'waste-collection'],
  ['barnomsorgsplats', 'childcare-queue'],
  ['bygglov', 'building-permits'],
]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

/** A database of its own on the server in DATABASE_URL (dropped at the end), or a SQLite file. */
async function ownDatabase(): Promise<{ url?: string; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdoor-reports-'));
  const server = process.env.DATABASE_URL;
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (!server) return { dataDir, drop: removeDir };
  const name = `frontdoor_reports_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await removeDir();
    },
  };
}

async function main() {
  const scale = Number(arg('scale', '1'));
  const runs = Number(arg('runs', '50'));
  const database = await ownDatabase();
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      migrate: true,
      entities: [...CORE_ENTITIES, ...JOB_ENTITIES],
    }),
  );
  await dataSource.initialize();
  try {
    const seedStart = performance.now();
    const counts = await seedYear(dataSource, scale, (line) => console.log(`  ${line}`));
    console.log(
      `seeded scale ${scale} on ${database.url ? 'PostgreSQL' : 'SQLite'} in ${((performance.now() - seedStart) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`,
    );
    const now = new Date('2025-12-31T12:00:00Z');
    const rollStart = performance.now();
    await rollUpStatistics(dataSource, now);
    console.log(`first roll-up of the year: ${((performance.now() - rollStart) / 1000).toFixed(1)} s`);

    // The spike check runs during a working day: a Friday in November, 13:00 in Stockholm.
    const duringTheDay = new Date('2025-11-14T12:00:00Z');
    const rows: [string, () => Promise<unknown>][] = [
      [
        'avoidable-contacts report, 2025-11 and the month before',
        () => avoidableContactsReport(dataSource, '2025-11', ANSWERED_BY),
      ],
      ['coverage, 2025-11', () => monthlyCoverage(dataSource, '2025-11', ANSWERED_BY)],
      ['spike check (categorySpikes), Friday 13:00', () => categorySpikes(dataSource, duringTheDay)],
    ];
    console.log('| row | p50 ms | p95 ms | event loop held, max ms | load average |');
    console.log('|---|---|---|---|---|');
    // The machine's own share: the loop's delay while this process only sleeps as long as a row
    // runs. On a loaded machine a delay is also the process waiting for a core, not only holding one.
    rows.unshift(['(nothing: sleeping 50 ms, the loop delay of the machine itself)', () => sleep(50)]);
    for (const [name, run] of rows) {
      await run(); // warm
      const samples: number[] = [];
      // The event loop's delay while only this function runs: how long it held the loop.
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        await run();
        samples.push(performance.now() - t);
      }
      delay.disable();
      samples.sort((a, b) => a - b);
      const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
      console.log(
        `| ${name} | ${p(0.5).toFixed(1)} | ${p(0.95).toFixed(1)} | ${(delay.max / 1e6).toFixed(1)} | ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} |`,
      );
    }
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

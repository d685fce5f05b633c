/**
 * The scale rows of issue 14: seed a year (seed-year.ts) into a fresh PostgreSQL database or
 * SQLite file, then time what users ask of it, in this process, through the hub's own
 * functions (no HTTP: the rows measure the queries, not the gateway's per-request work).
 *
 *   node -r @swc-node/register tools/bench/src/year/year-bench.ts --scale 0.1 [--db postgres|sqlite] [--runs 20]
 *
 * PostgreSQL: DATABASE_URL (a server; a database of its own is created and dropped).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JOB_ENTITIES } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';
import {
  AuditService,
  CaseQueries,
  CaseStatus,
  CORE_ENTITIES,
  KnowledgeService,
  rollUpDay,
  rollUpStatistics,
  serviceStatistics,
  StatisticsDaily,
  StatisticsDirtyDay,
  ServiceCase,
  AnswerGroup,
  avoidableContactsReport,
  monthlyCoverage,
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

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

async function main() {
  const scale = Number(arg('scale', '0.01'));
  const kind = arg('db', process.env.DATABASE_URL ? 'postgres' : 'sqlite');
  const runs = Number(arg('runs', '20'));
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdoor-year-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    const server = process.env.DATABASE_URL;
    if (!server)
      throw new Error(
        '--db postgres needs DATABASE_URL (a server; column types are chosen from it at import)',
      );
    const name = `frontdoor_year_${randomBytes(4).toString('hex')}`;
    const admin = async (sql: string) => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl,
      dataDir,
      migrate: true,
      entities: [...CORE_ENTITIES, ...JOB_ENTITIES],
    }),
  );
  await dataSource.initialize();
  const log = (line: string) => console.log(`  ${line}`);
  try {
    console.log(`seeding scale ${scale} on ${kind}`);
    const counts = await seedYear(dataSource, scale, log);
    console.log(JSON.stringify(counts));
    const now = new Date('2025-12-31T12:00:00Z');
    const viewer = { subject: 'chef-1' };
    const queries = new CaseQueries(dataSource, () => now);
    const audit = new AuditService(dataSource);
    const knowledge = new KnowledgeService(dataSource, () => now);
    const party = (
      await dataSource.query(
        `SELECT party_id FROM service_case WHERE party_id IS NOT NULL ORDER BY party_id LIMIT 1`,
      )
    )[0].party_id;
    const group = (await dataSource.getRepository(AnswerGroup).find({ order: { key: 'ASC' }, take: 1 }))[0];

    const results: string[] = [];
    const time = async (name: string, run: () => Promise<unknown>, times = runs) => {
      await run(); // warm
      const samples: number[] = [];
      for (let r = 0; r < times; r++) {
        const t = performance.now();
        await run();
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      const p = (q: number) =>
        samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
      results.push(`| ${name} | ${p(0.5)} | ${p(0.95)} |`);
      console.log(results.at(-1));
    };

    // Before the roll-up: every day counted from the cases (decision 0040's path, now the edge-day path).
    await time(
      'statistics, one month, from the cases (no roll-up)',
      () => serviceStatistics(dataSource, '2025-11-01', '2025-11-30', undefined, now),
      Math.min(runs, 5),
    );
    await time(
      'statistics, the year, from the cases (no roll-up)',
      () => serviceStatistics(dataSource, '2025-01-01', '2025-12-31', undefined, now),
      Math.min(runs, 5),
    );
    const rollStart = performance.now();
    const rolled = await rollUpStatistics(dataSource, now);
    const rollupRows = await dataSource.getRepository(StatisticsDaily).count();
    console.log(
      `| first roll-up of the year | ${rolled.days.length} days in ${((performance.now() - rollStart) / 1000).toFixed(1)} s | ${rollupRows} roll-up rows |`,
    );
    await time('rolling one changed day up again', () => rollUpDay(dataSource, '2025-11-14', now));

    const rows: [string, () => Promise<unknown>][] = [
      [
        'statistics, one month (2025-11)',
        () => serviceStatistics(dataSource, '2025-11-01', '2025-11-30', undefined, now),
      ],
      [
        'statistics, the year',
        () => serviceStatistics(dataSource, '2025-01-01', '2025-12-31', undefined, now),
      ],
      [
        'coverage, one month (2025-11, decision 0086)',
        () => monthlyCoverage(dataSource, '2025-11', ANSWERED_BY),
      ],
      [
        'avoidable-contacts report, one month and the month before',
        () => avoidableContactsReport(dataSource, '2025-11', ANSWERED_BY),
      ],
      [
        'weekly digest query (overdue of one group)',
        () =>
          dataSource.getRepository(ServiceCase).find({
            where: { answerGroupId: group.id, status: CaseStatus.FORWARDED },
            order: { dueAt: 'ASC' },
            take: 500,
          }),
      ],
      [
        'answer group queue, first page (20)',
        () => queries.list({ answerGroupKey: group.key, status: CaseStatus.FORWARDED }, viewer, 20),
      ],
      ['cases by personal number (party), first page', () => queries.list({ partyId: party }, viewer, 20)],
      ['accessHistory / auditRecords for a person (200)', () => audit.forParty(party, 200)],
      ['knowledge search', () => knowledge.search('faktura påminnelse', 10)],
    ];
    for (const [name, run] of rows) await time(name, run);

    // A working day's reality: cases of the last two weeks are being answered, so some recent
    // days are "changed" until the next roll-up run (every minute) and counted from their cases:
    // typically a few (3), at worst most of the fortnight (14, e.g. the job stopped).
    for (const changed of [3, 14]) {
      const recent = Array.from({ length: changed }, (_, i) => {
        const d = new Date('2025-12-29T12:00:00Z');
        d.setUTCDate(d.getUTCDate() - i);
        return { id: `bench-dirty-${i}`, day: d.toISOString().slice(0, 10) };
      });
      await dataSource.getRepository(StatisticsDirtyDay).insert(recent);
      await time(`statistics, the year, ${changed} recent days changed since the roll-up`, () =>
        serviceStatistics(dataSource, '2025-01-01', '2025-12-31', undefined, now),
      );
      await time(`statistics, December, ${changed} recent days changed since the roll-up`, () =>
        serviceStatistics(dataSource, '2025-12-01', '2025-12-31', undefined, now),
      );
      await dataSource.getRepository(StatisticsDirtyDay).delete(recent.map((r) => r.id));
    }

    // A trivial lookup timed while the year's statistics run, and RSS growth meanwhile.
    const rssBefore = process.memoryUsage().rss;
    let rssMax = rssBefore;
    let maxLag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const t = performance.now();
      maxLag = Math.max(maxLag, t - last - 5);
      last = t;
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
    }, 5);
    const lookups: number[] = [];
    let done = false;
    const year = serviceStatistics(dataSource, '2025-01-01', '2025-12-31', undefined, now).finally(
      () => (done = true),
    );
    while (!done) {
      const t = performance.now();
      await dataSource.getRepository(AnswerGroup).findOneBy({ key: group.key });
      lookups.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 2));
    }
    await year;
    clearInterval(ticker);
    lookups.sort((a, b) => a - b);
    console.log(
      `| trivial lookup during the year's statistics (${lookups.length}) | p50 ${lookups[Math.floor(lookups.length / 2)]?.toFixed(1)} | max ${lookups.at(-1)?.toFixed(1)} | event-loop lag max ${maxLag.toFixed(1)} ms | RSS +${((rssMax - rssBefore) / 2 ** 20).toFixed(1)} MB |`,
    );
    if (process.argv.includes('--explain') && kind === 'postgres') {
      for (const sql of [
        `SELECT channel, category_id, COUNT(*), SUM(CASE WHEN resolved_at_first_line THEN 1 ELSE 0 END), SUM(CASE WHEN forwarded_at IS NOT NULL AND answer_working_days <= 2 THEN 1 ELSE 0 END) FROM service_case WHERE created_at >= '2025-11-01' AND created_at < '2025-12-01' GROUP BY channel, category_id`,
        `SELECT answer_group_id, COUNT(*), SUM(CASE WHEN due_at < now() THEN 1 ELSE 0 END) FROM service_case WHERE status = 'FORWARDED' GROUP BY answer_group_id`,
        `SELECT * FROM service_case c WHERE c.party_id = '${party}' ORDER BY created_at DESC, id DESC LIMIT 21`,
        `SELECT * FROM service_case c WHERE c.answer_group_id = '${group.id}' AND status = 'FORWARDED' ORDER BY created_at DESC, id DESC LIMIT 21`,
        `SELECT * FROM audit_record WHERE party_id = '${party}' ORDER BY occurred_at DESC LIMIT 200`,
        `SELECT dimension, key, SUM(contacts), SUM(resolved), SUM(forwarded), SUM(CASE WHEN net_answer_days <= 2 THEN forwarded ELSE 0 END) FROM statistics_daily WHERE day >= '2025-01-01' AND day <= '2025-12-31' GROUP BY dimension, key`,
      ]) {
        console.log(`EXPLAIN ${sql.slice(0, 90)}…`);
        for (const line of await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`))
          console.log(`    ${line['QUERY PLAN']}`);
      }
    }
  } finally {
    await dataSource.destroy();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { DataSource } from 'typeorm';
import { JOB_ENTITIES } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AnswerGroup,
  answeringPluginByCategory,
  avoidableContactsReport,
  CORE_ENTITIES,
  monthlyCoverage,
  serviceStatistics,
} from '@frontdoor/core';
import { secondaryIndexes, seedYear, SKELLEFTEA_RANKING, type SeedCounts } from './seed-year';

describe(`a year seeded at scale 0.01 (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let counts: SeedCounts;
  const now = new Date('2025-12-31T12:00:00Z');
  let indexesBefore: { name: string; definition: string }[] = [];
  const indexes = () =>
    secondaryIndexes(dataSource, process.env.DATABASE_URL ? 'postgres' : 'sqlite', [
      'service_case',
      'case_event',
      'audit_record',
    ]);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    indexesBefore = await indexes();
    counts = await seedYear(dataSource, 0.01);
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leaves the indexes exactly as the migrations made them (dropped for the bulk load, rebuilt with their column order)', async () => {
    expect(indexesBefore.length).toBeGreaterThanOrEqual(8);
    expect(await indexes()).toEqual(indexesBefore);
  });

  it('has the volume, the first-line share and Skellefteå’s category ranking', async () => {
    expect(counts).toMatchObject({ cases: 15_000, auditRecords: 200_000, articles: 20, members: 500 });
    expect(counts.events).toBeGreaterThan(2 * counts.cases);
    const members = (await dataSource.getRepository(AnswerGroup).find()).flatMap((g) => g.members);
    expect(new Set(members.map((m) => m.subject)).size).toBe(500);

    const year = await serviceStatistics(dataSource, '2025-01-06', '2026-01-04', undefined, now); // the seed's 52 weeks
    expect(year.contacts).toBe(15_000);
    expect(year.resolvedAtFirstLine.share).toBeCloseTo(2 / 3, 2);
    const ranking = year.categoryRanking.map((c) => [c.categoryKey, c.share * 100] as const);
    expect(ranking.slice(0, 1)[0][0]).toBe('forsorjningsstod');
    for (const [key, , share] of SKELLEFTEA_RANKING)
      expect(ranking.find(([k]) => k === key)![1]).toBeCloseTo(share, 0);
    // 52 weeks: every month of 2025 has contacts.
    for (let month = 1; month <= 12; month++) {
      const m = String(month).padStart(2, '0');
      expect((await serviceStatistics(dataSource, `2025-${m}-01`, `2025-${m}-28`)).contacts).toBeGreaterThan(
        0,
      );
    }
  });

  it('shows the coverage of the demo’s categories (answeredBy in config/embedded.json) and their avoidable contacts', async () => {
    const demo = JSON.parse(readFileSync(resolve(__dirname, '../../../../config/embedded.json'), 'utf8')) as {
      cases: { categories: { key: string; answeredBy?: string }[] };
    };
    const answeredBy = answeringPluginByCategory(demo.cases);
    const answeredShare = SKELLEFTEA_RANKING.filter(([key]) => answeredBy.has(key)).reduce(
      (n, [, , share]) => n + share,
      0,
    );
    // Issue 26's target: at least 40 % of contacts in categories a department system answers
    // (twelve systems of Skellefteå's top list, Barn och unga the twelfth: 42.6 % of all contacts).
    expect(answeredShare).toBeGreaterThanOrEqual(40);
    expect(answeredShare).toBeCloseTo(42.6, 1);
    const coverage = await monthlyCoverage(dataSource, '2025-11', answeredBy);
    expect(coverage.answeredShare! * 100).toBeCloseTo(answeredShare, -0.5);
    const report = await avoidableContactsReport(dataSource, '2025-11', answeredBy);
    expect(report.rows.map((r) => r.categoryKey)[0]).toBe('forsorjningsstod');
    expect(report.totalContacts).toBeGreaterThan(0);
  });

  it('does not hold the event loop while the year’s statistics run: lookups meanwhile are answered', async () => {
    // How long the loop is held is measured by the bench (year-bench.ts: "trivial lookup during
    // the year's statistics", event-loop lag), not asserted here: a loaded CI machine is no
    // stopwatch. What holds on any machine: the computation is not one blocking step, so the
    // loop turns and lookups are answered before the year's figures are.
    let ticks = 0;
    const ticker = setInterval(() => void ticks++, 1);
    let lookupsBefore = 0;
    let done = false;
    const year = serviceStatistics(dataSource, '2025-01-01', '2025-12-31', undefined, now).finally(
      () => (done = true),
    );
    const first = await dataSource.getRepository(AnswerGroup).findOneBy({ key: 'grupp-1' });
    if (!done) lookupsBefore++;
    const figures = await year;
    clearInterval(ticker);
    expect(first?.key).toBe('grupp-1');
    expect(figures.contacts).toBeGreaterThan(0);
    // (Loading the year's 15,000 cases as entities, as before issue 14, ran as one step.)
    expect(ticks + lookupsBefore).toBeGreaterThan(0);
  });
});

import { DataSource } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { serviceStatistics } from './service-statistics';
import { figuresOf, statisticsFixture, type StatisticsFixture } from '../testing/statistics-fixture';

/**
 * The SQL aggregation (GROUP BY, stored answer_working_days) against a straightforward
 * computation over the same rows (testing/statistics-fixture.ts: Christmas 2025's non-working days
 * hard-coded, Intl's Stockholm time). Nothing is rolled up here: every day is counted from
 * the cases (the roll-up's own proof is statistics-rollup.spec.ts).
 */
describe(`service statistics in SQL equal a plain count over the rows (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let f: StatisticsFixture;

  beforeAll(async () => {
    f = await statisticsFixture();
  }, 120_000);
  afterAll(() => f?.close());

  it.each([
    ['2025-12-15', '2026-01-16'],
    ['2025-12-22', '2026-01-07'],
    ['2025-12-01', '2026-01-31'],
    ['2025-12-24', '2025-12-24'],
  ])('from %s to %s', async (from, to) => {
    const stats = await serviceStatistics(f.dataSource, from, to, undefined, f.clock.date());
    const plain = await f.plainCount(from, to);
    expect(figuresOf(stats)).toEqual(plain);
    expect(stats.resolvedAtFirstLine.basis).toBe(plain.contacts);
  });

  it('has rows of every kind to compare (the test is not vacuous)', async () => {
    const plain = await f.plainCount('2025-12-01', '2026-01-31');
    expect(plain.contacts).toBeGreaterThan(80);
    expect(plain.decided).toBeGreaterThan(5);
    expect(plain.inTime).toBeGreaterThan(0);
    expect(plain.inTime).toBeLessThan(plain.decided);
    expect(plain.pending).toBeGreaterThan(0);
    expect(Object.values(plain.groups).some((g) => g.overdue > 0)).toBe(true);
  });

  it('stores the working days to the first answer over Christmas when it happens', async () => {
    const c = await f.dataSource.getRepository(ServiceCase).findOneByOrFail({ id: f.christmasCase });
    expect(c.answerWorkingDays).toBe(1);
    const stats = await serviceStatistics(
      f.dataSource,
      '2025-12-23',
      '2025-12-23',
      undefined,
      f.clock.date(),
    );
    expect(stats.answeredInTime).toMatchObject({ share: 1, basis: 1 });
  });

  it('fills in the stored working days for cases answered before the column existed', async () => {
    const fresh = new DataSource({ ...f.dataSource.options } as never);
    await fresh.initialize();
    try {
      await fresh.query('UPDATE service_case SET answer_working_days = NULL');
      const stats = await serviceStatistics(fresh, '2025-12-15', '2026-01-16', undefined, f.clock.date());
      const plain = await f.plainCount('2025-12-15', '2026-01-16');
      expect(Math.round(stats.answeredInTime.share * stats.answeredInTime.basis)).toBe(plain.inTime);
    } finally {
      await fresh.destroy();
    }
  });
});

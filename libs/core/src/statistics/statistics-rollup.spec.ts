import { CaseStatus, ContactChannel } from '../cases/case-vocabulary';
import { ServiceCase } from '../cases/case.entities';
import { runRetention, retentionSettingsSchema } from '../retention/retention';
import { serviceStatistics } from './service-statistics';
import {
  figuresOf,
  statisticsFixture,
  swedishDate,
  type StatisticsFixture,
} from '../testing/statistics-fixture';
import { rollUpDay, rollUpStatistics } from './statistics-rollup';
import { StatisticsDaily, StatisticsDay, StatisticsDirtyDay } from './statistics-rollup.entities';

const PERIODS = [
  ['2025-12-15', '2026-01-16'],
  ['2025-12-22', '2026-01-07'],
  ['2025-12-01', '2026-01-31'],
  ['2025-12-24', '2025-12-24'],
  ['2026-01-10', '2026-01-20'],
] as const;

/**
 * The daily roll-up (decision 0042) against the same straightforward computation as the SQL
 * statistics (testing/statistics-fixture.ts): after rolling up, after cases change, after retention,
 * and with the answer-time goal set to other numbers of working days.
 */
describe(`the statistics' daily roll-up equals a plain count over the rows (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let f: StatisticsFixture;
  const stats = (from: string, to: string, answerWithinWorkingDays = 2) =>
    serviceStatistics(
      f.dataSource,
      from,
      to,
      { firstLineResolutionShare: 0.7, answerWithinWorkingDays, answeredInTimeShare: 0.9 },
      f.clock.date(),
    );
  const expectPlain = async (answerWithin = 2) => {
    for (const [from, to] of PERIODS)
      expect({ from, to, ...figuresOf(await stats(from, to, answerWithin)) }).toEqual({
        from,
        to,
        ...(await f.plainCount(from, to, answerWithin)),
      });
  };
  const dirtyDays = async () =>
    [...new Set((await f.dataSource.getRepository(StatisticsDirtyDay).find()).map((d) => d.day))].sort();

  beforeAll(async () => {
    f = await statisticsFixture();
  }, 120_000);
  afterAll(() => f?.close());

  it('rolls up every settled day from the first case, into far fewer rows than cases', async () => {
    const { days } = await rollUpStatistics(f.dataSource, f.clock.date());
    expect(days[0]).toBe('2025-12-10');
    // Two days before "now" (2026-01-20): the 19th and 20th are still counted from the cases.
    expect(days.at(-1)).toBe('2026-01-18');
    expect(await f.dataSource.getRepository(StatisticsDay).count()).toBe(days.length);
    const rows = await f.dataSource.getRepository(StatisticsDaily).find();
    const settled = (await f.dataSource.getRepository(ServiceCase).find()).filter(
      (c) => swedishDate(c.createdAt) <= '2026-01-18',
    );
    // Each dimension counts every case once.
    for (const dimension of ['CHANNEL', 'CATEGORY', 'ANSWER', 'CONTACT'])
      expect(rows.filter((r) => r.dimension === dimension).reduce((n, r) => n + r.contacts, 0)).toBe(
        settled.length,
      );
    // Not a row per case: per day at most a row per channel, per category and per answer time.
    for (const day of days) {
      const ofDay = rows.filter((r) => r.day === day);
      const nets = new Set(ofDay.filter((r) => r.dimension === 'ANSWER').map((r) => r.netAnswerDays));
      // CONTACT rows (decision 0086): at most one per category × contact reason (none given here).
      const contactRows = ofDay.filter((r) => r.dimension === 'CONTACT');
      expect(contactRows.length).toBeLessThanOrEqual(3);
      expect(ofDay.length - contactRows.length).toBeLessThanOrEqual(
        Object.keys(ContactChannel).length + 3 + nets.size,
      );
      expect(nets.size).toBe(ofDay.filter((r) => r.dimension === 'ANSWER').length);
    }
    expect(await dirtyDays()).toEqual([]);
  });

  it('answers every period as the plain count does, the goal at 2, 1 and 4 working days', async () => {
    await expectPlain(2);
    await expectPlain(1);
    await expectPlain(4);
  });

  it('reads the rolled-up days from the roll-up (a change behind the hub’s back is not seen until counted again)', async () => {
    const [target] = (await f.dataSource.getRepository(ServiceCase).find()).filter(
      (c) => swedishDate(c.createdAt) === '2025-12-23' && c.channel !== ContactChannel.LETTER,
    );
    const before = await stats('2025-12-23', '2025-12-23');
    await f.dataSource
      .getRepository(ServiceCase)
      .update({ id: target.id }, { channel: ContactChannel.LETTER });
    expect(figuresOf(await stats('2025-12-23', '2025-12-23'))).toEqual(figuresOf(before));
    await rollUpDay(f.dataSource, '2025-12-23', f.clock.date());
    expect(figuresOf(await stats('2025-12-23', '2025-12-23'))).toEqual(
      await f.plainCount('2025-12-23', '2025-12-23'),
    );
  });

  it('counts a case that changes after its day was rolled up at once, and rolls only the changed days again', async () => {
    const all = await f.dataSource.getRepository(ServiceCase).find();
    const forwarded = all.filter(
      (c) => c.status === CaseStatus.FORWARDED && swedishDate(c.createdAt) <= '2026-01-18',
    );
    const open = all.filter((c) => c.status === CaseStatus.OPEN && swedishDate(c.createdAt) <= '2026-01-18');
    expect(forwarded.length).toBeGreaterThan(1);
    expect(open.length).toBeGreaterThan(0);
    f.clock.now += 3_600_000;
    await f.cases.replyToCitizen(forwarded[0].id, 'ringde', f.agent);
    await f.cases.closeCase(forwarded[1].id, 'klart', f.agent);
    await f.cases.forwardCase(open[0].id, 'trafik', 'x', f.agent);
    const changed = [
      ...new Set([forwarded[0], forwarded[1], open[0]].map((c) => swedishDate(c.createdAt))),
    ].sort();
    expect(await dirtyDays()).toEqual(changed);

    await expectPlain();
    const { days } = await rollUpStatistics(f.dataSource, f.clock.date());
    expect(days).toEqual(changed);
    expect(await dirtyDays()).toEqual([]);
    await expectPlain();
    expect((await rollUpStatistics(f.dataSource, f.clock.date())).days).toEqual([]);
  });

  it('counts a day once when several roll it up at the same time', async () => {
    const day = swedishDate((await f.dataSource.getRepository(ServiceCase).find())[0].createdAt);
    // On PostgreSQL three connections, waiting on the day's row; on SQLite each in a turn of its own.
    await Promise.all([1, 2, 3].map(() => rollUpDay(f.dataSource, day, f.clock.date())));
    await expectPlain();
  });

  it('rolls up the new settled days as time passes, and the days of cases removed by retention again', async () => {
    f.clock.now += 2 * 86_400_000;
    const { days } = await rollUpStatistics(f.dataSource, f.clock.date());
    expect(days).toEqual(['2026-01-19', '2026-01-20']);
    await expectPlain();

    // Gallring: closed cases older than 30 days go; the statistics count what is kept.
    const later = new Date(Date.parse('2026-01-25T10:00:00Z'));
    const report = await runRetention(
      f.dataSource,
      retentionSettingsSchema.parse({ closedCasesDays: 30, auditRecordsDays: null, failedJobsDays: null }),
      later,
    );
    expect(report.removed.service_case).toBeGreaterThan(0);
    expect((await dirtyDays()).length).toBeGreaterThan(0);
    await expectPlain();
    await rollUpStatistics(f.dataSource, later);
    expect(await dirtyDays()).toEqual([]);
    await expectPlain();
  });
});

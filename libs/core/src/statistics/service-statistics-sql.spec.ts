import { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { applyCaseSetup } from '../cases/case-setup';
import { AnswerGroup, CaseCategory, ServiceCase } from '../cases/case.entities';
import { CaseService } from '../cases/case.service';
import { CaseStatus, ContactChannel } from '../cases/case-vocabulary';
import { CORE_ENTITIES } from '../index';
import { serviceStatistics } from './service-statistics';

/**
 * The SQL aggregation (GROUP BY, stored answer_working_days) against a straightforward
 * computation over the same rows, written here without the hub's calendar: a hard-coded list
 * of the Swedish non-working days around Christmas 2025 (Lag 1930:173: julafton, juldagen,
 * annandag jul, nyårsafton, nyårsdagen, trettondedag jul) and Intl's Stockholm time.
 */
const HOLIDAYS = new Set([
  '2025-12-24',
  '2025-12-25',
  '2025-12-26',
  '2025-12-31',
  '2026-01-01',
  '2026-01-06',
]);
const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
const swedishDate = (d: Date) => STOCKHOLM.format(d);
function plainWorkingDays(from: string, to: string): number {
  let n = 0;
  const day = new Date(`${from}T12:00:00Z`);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    if (date > to) return n;
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !HOLIDAYS.has(date)) n++;
  }
}

function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe(`service statistics in SQL equal a plain count over the rows (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = 0;
  const clock = () => new Date(now);
  const agent = { subject: 'agent-1' };
  const NOW = Date.parse('2026-01-20T10:00:00Z');
  const CATEGORIES = ['forsorjningsstod', 'fakturor', 'parkering'];
  const GROUPS = ['ekonomi', 'trafik'];
  const CHANNELS = Object.values(ContactChannel);
  let christmasCase = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, {
      categories: CATEGORIES.map((key) => ({ key, name: key, slaWorkingDays: 3, confidential: false })),
      answerGroups: GROUPS.map((key) => ({
        key,
        name: `Svarsgrupp ${key}`,
        department: key,
        notificationEmail: `${key}@exempelstad.se`,
        manager: { subject: `m-${key}`, name: 'M', email: `m-${key}@exempelstad.se` },
        members: [],
      })),
    });
    const cases = new CaseService(dataSource, new SqlJobQueue(dataSource, { now: clock }), clock);
    const rnd = random(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const hours = (h: number) => h * 3_600_000;
    const first = Date.parse('2025-12-10T06:00:00Z');
    const span = Date.parse('2026-01-19T20:00:00Z') - first;
    for (let i = 0; i < 90; i++) {
      now = first + Math.floor(rnd() * span);
      const resolved = rnd() < 2 / 3;
      const c = await cases.registerContact(
        {
          channel: pick(CHANNELS),
          categoryKey: pick(CATEGORIES),
          summary: 's',
          resolvedAtFirstLine: resolved,
          resolution: resolved ? 'svar' : undefined,
        },
        agent,
      );
      if (resolved || rnd() < 0.15) continue; // some stay OPEN at the first line
      now += hours(rnd() * 6);
      await cases.forwardCase(c.id, pick(GROUPS), 'x', agent);
      const fate = rnd();
      now += hours(rnd() * 24 * 9);
      if (now > NOW) continue;
      if (fate < 0.55) await cases.replyToCitizen(c.id, 'ringde', agent);
      if (fate < 0.3) now += hours(rnd() * 48);
      if (fate < 0.8 && now <= NOW) await cases.closeCase(c.id, 'klart', agent);
    }
    // Forwarded the day before julafton, answered the Monday after: 1 working day, not 4.
    now = Date.parse('2025-12-23T09:00:00Z');
    const christmas = await cases.registerContact(
      { channel: ContactChannel.EMAIL, categoryKey: 'fakturor', summary: 's', resolvedAtFirstLine: false },
      agent,
    );
    christmasCase = christmas.id;
    await cases.forwardCase(christmas.id, 'ekonomi', 'x', agent);
    now = Date.parse('2025-12-29T09:00:00Z');
    await cases.replyToCitizen(christmas.id, 'ringde', agent);
    now = NOW;
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function plainCount(from: string, to: string, answerWithin = 2) {
    const all = await dataSource.getRepository(ServiceCase).find();
    const categories = await dataSource.getRepository(CaseCategory).find();
    const groups = await dataSource.getRepository(AnswerGroup).find();
    const inPeriod = all.filter((c) => swedishDate(c.createdAt) >= from && swedishDate(c.createdAt) <= to);
    const countBy = (key: (c: ServiceCase) => string) => {
      const m = new Map<string, number>();
      for (const c of inPeriod) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
      return m;
    };
    const forwarded = inPeriod.filter((c) => c.forwardedAt);
    const inTime = forwarded.filter((c) => {
      const answered = c.firstReplyAt ?? c.closedAt;
      return (
        answered &&
        plainWorkingDays(swedishDate(c.forwardedAt!), swedishDate(answered)) - c.slaPausedWorkingDays <=
          answerWithin
      );
    });
    const open = all.filter((c) => c.status === CaseStatus.FORWARDED);
    return {
      contacts: inPeriod.length,
      byChannel: Object.fromEntries(countBy((c) => c.channel)),
      byCategory: Object.fromEntries(
        [...countBy((c) => c.categoryId)].map(([id, n]) => [categories.find((k) => k.id === id)!.key, n]),
      ),
      resolved: inPeriod.filter((c) => c.resolvedAtFirstLine).length,
      forwarded: forwarded.length,
      inTime: inTime.length,
      groups: Object.fromEntries(
        groups.map((g) => {
          const mine = open.filter((c) => c.answerGroupId === g.id);
          return [g.key, { open: mine.length, overdue: mine.filter((c) => c.dueAt! < clock()).length }];
        }),
      ),
    };
  }

  it.each([
    ['2025-12-15', '2026-01-16'],
    ['2025-12-22', '2026-01-07'],
    ['2025-12-01', '2026-01-31'],
    ['2025-12-24', '2025-12-24'],
  ])('from %s to %s', async (from, to) => {
    const stats = await serviceStatistics(dataSource, from, to, undefined, clock());
    const plain = await plainCount(from, to);
    expect({
      contacts: stats.contacts,
      byChannel: Object.fromEntries(stats.byChannel.map((c) => [c.channel, c.count])),
      byCategory: Object.fromEntries(stats.categoryRanking.map((c) => [c.categoryKey, c.count])),
      resolved: Math.round(stats.resolvedAtFirstLine.share * stats.resolvedAtFirstLine.basis),
      forwarded: stats.answeredInTime.basis,
      inTime: Math.round(stats.answeredInTime.share * stats.answeredInTime.basis),
      groups: Object.fromEntries(
        stats.byAnswerGroup.map((g) => [g.answerGroupKey, { open: g.open, overdue: g.overdue }]),
      ),
    }).toEqual(plain);
    expect(stats.resolvedAtFirstLine.basis).toBe(plain.contacts);
  });

  it('has rows of every kind to compare (the test is not vacuous)', async () => {
    const plain = await plainCount('2025-12-01', '2026-01-31');
    expect(plain.contacts).toBeGreaterThan(80);
    expect(plain.forwarded).toBeGreaterThan(5);
    expect(plain.inTime).toBeGreaterThan(0);
    expect(plain.inTime).toBeLessThan(plain.forwarded);
    expect(Object.values(plain.groups).some((g) => g.overdue > 0)).toBe(true);
  });

  it('stores the working days to the first answer over Christmas when it happens', async () => {
    const c = await dataSource.getRepository(ServiceCase).findOneByOrFail({ id: christmasCase });
    expect(c.answerWorkingDays).toBe(1);
    const stats = await serviceStatistics(dataSource, '2025-12-23', '2025-12-23', undefined, clock());
    expect(stats.answeredInTime).toMatchObject({ share: 1, basis: 1 });
  });

  it('fills in the stored working days for cases answered before the column existed', async () => {
    const fresh = new DataSource({ ...dataSource.options } as never);
    await fresh.initialize();
    try {
      await fresh.query('UPDATE service_case SET answer_working_days = NULL');
      const stats = await serviceStatistics(fresh, '2025-12-15', '2026-01-16', undefined, clock());
      const plain = await plainCount('2025-12-15', '2026-01-16');
      expect(Math.round(stats.answeredInTime.share * stats.answeredInTime.basis)).toBe(plain.inTime);
    } finally {
      await fresh.destroy();
    }
  });
});

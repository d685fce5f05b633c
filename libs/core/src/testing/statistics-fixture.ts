import type { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import {
  AnswerGroup,
  applyCaseSetup,
  CaseCategory,
  CaseService,
  createCaseChain,
  CaseStatus,
  ContactChannel,
  CORE_ENTITIES,
  ServiceCase,
  type CaseWriter,
  type ServiceStatistics,
} from '../index';

/**
 * For the statistics specs: ~90 cases around Christmas 2025 registered, forwarded, answered
 * and closed through the CaseService, and a straightforward computation over the same rows,
 * written without the hub's calendar: a hard-coded list of the Swedish non-working days
 * around Christmas 2025 (Lag 1930:173: julafton, juldagen, annandag jul, nyårsafton,
 * nyårsdagen, trettondedag jul) and Intl's Stockholm time.
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
export const swedishDate = (d: Date) => STOCKHOLM.format(d);
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

export const NOW = Date.parse('2026-01-20T10:00:00Z');
const CATEGORIES = ['forsorjningsstod', 'fakturor', 'parkering'];
const GROUPS = ['ekonomi', 'trafik'];
const CHANNELS = Object.values(ContactChannel);

export interface StatisticsFixture {
  database: TestDatabase;
  dataSource: DataSource;
  cases: CaseService;
  /** The hub's clock in the fixture (set it to move time). */
  clock: { now: number; date(): Date };
  agent: CaseWriter;
  christmasCase: string;
  plainCount(from: string, to: string, answerWithin?: number): Promise<PlainFigures>;
  close(): Promise<void>;
}

export interface PlainFigures {
  contacts: number;
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  resolved: number;
  /** Forwarded cases whose "answered in time" is decided: answered, or open past the goal's days. */
  decided: number;
  /** Forwarded cases not yet decided: open within the goal's days, or waiting for the citizen. */
  pending: number;
  inTime: number;
  groups: Record<string, { open: number; overdue: number }>;
}

/** The figures of a statistics answer in the shape of PlainFigures, to compare. */
export function figuresOf(stats: ServiceStatistics): PlainFigures {
  return {
    contacts: stats.contacts,
    byChannel: Object.fromEntries(stats.byChannel.map((c) => [c.channel, c.count])),
    byCategory: Object.fromEntries(stats.categoryRanking.map((c) => [c.categoryKey, c.count])),
    resolved: Math.round(stats.resolvedAtFirstLine.share * stats.resolvedAtFirstLine.basis),
    decided: stats.answeredInTime.basis,
    pending: stats.answeredInTime.pending,
    inTime: Math.round(stats.answeredInTime.share * stats.answeredInTime.basis),
    groups: Object.fromEntries(
      stats.byAnswerGroup.map((g) => [g.answerGroupKey, { open: g.open, overdue: g.overdue }]),
    ),
  };
}

export async function statisticsFixture(): Promise<StatisticsFixture> {
  const database = await createTestDatabase();
  const dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
  const clock = { now: 0, date: () => new Date(clock.now) };
  const now = () => clock.date();
  // Every step of every case, in any group: an admin may take them all (decideCaseWrite).
  const agent: CaseWriter = { subject: 'agent-1', role: 'admin', answerGroupKeys: [] };
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
  const cases = createCaseChain(dataSource, new SqlJobQueue(dataSource, { now }), now);
  const rnd = random(14);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const hours = (h: number) => h * 3_600_000;
  const first = Date.parse('2025-12-10T06:00:00Z');
  const span = Date.parse('2026-01-19T20:00:00Z') - first;
  for (let i = 0; i < 90; i++) {
    clock.now = first + Math.floor(rnd() * span);
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
    clock.now += hours(rnd() * 6);
    await cases.forwardCase(c.id, pick(GROUPS), 'x', agent);
    const fate = rnd();
    clock.now += hours(rnd() * 24 * 9);
    if (clock.now > NOW) continue;
    if (fate < 0.55) await cases.replyToCitizen(c.id, 'ringde', agent);
    if (fate < 0.3) clock.now += hours(rnd() * 48);
    if (fate < 0.8 && clock.now <= NOW) await cases.closeCase(c.id, 'klart', agent);
  }
  // Forwarded the day before julafton, answered the Monday after: 1 working day, not 4.
  clock.now = Date.parse('2025-12-23T09:00:00Z');
  const christmas = await cases.registerContact(
    { channel: ContactChannel.EMAIL, categoryKey: 'fakturor', summary: 's', resolvedAtFirstLine: false },
    agent,
  );
  await cases.forwardCase(christmas.id, 'ekonomi', 'x', agent);
  clock.now = Date.parse('2025-12-29T09:00:00Z');
  await cases.replyToCitizen(christmas.id, 'ringde', agent);
  clock.now = NOW;

  async function plainCount(from: string, to: string, answerWithin = 2): Promise<PlainFigures> {
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
    const answeredAt = (c: ServiceCase) => c.firstReplyAt ?? c.closedAt;
    const answered = forwarded.filter(answeredAt);
    const inTime = answered.filter(
      (c) =>
        plainWorkingDays(swedishDate(c.forwardedAt!), swedishDate(answeredAt(c)!)) - c.slaPausedWorkingDays <=
        answerWithin,
    );
    // Not answered yet: late once the goal's days have passed (less the days parked), unless
    // waiting for the citizen; otherwise pending.
    const unanswered = forwarded.filter((c) => !answeredAt(c));
    const late = unanswered.filter(
      (c) =>
        c.status === CaseStatus.FORWARDED &&
        plainWorkingDays(swedishDate(c.forwardedAt!), swedishDate(now())) - c.slaPausedWorkingDays >
          answerWithin,
    );
    const open = all.filter((c) => c.status === CaseStatus.FORWARDED);
    return {
      contacts: inPeriod.length,
      byChannel: Object.fromEntries(countBy((c) => c.channel)),
      byCategory: Object.fromEntries(
        [...countBy((c) => c.categoryId)].map(([id, n]) => [categories.find((k) => k.id === id)!.key, n]),
      ),
      resolved: inPeriod.filter((c) => c.resolvedAtFirstLine).length,
      decided: answered.length + late.length,
      pending: unanswered.length - late.length,
      inTime: inTime.length,
      groups: Object.fromEntries(
        groups.map((g) => {
          const mine = open.filter((c) => c.answerGroupId === g.id);
          return [g.key, { open: mine.length, overdue: mine.filter((c) => c.dueAt! < now()).length }];
        }),
      ),
    };
  }

  return {
    database,
    dataSource,
    cases,
    clock,
    agent,
    christmasCase: christmas.id,
    plainCount,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

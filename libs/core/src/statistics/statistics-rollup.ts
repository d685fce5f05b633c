import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { endOfStockholmDay, nextDay } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import { StatisticsDaily, StatisticsDay, StatisticsDirtyDay } from './statistics-rollup.entities';
import { contactRowsOf, countContactReasons } from './contact-reason-counts';

/**
 * The daily roll-up of the service statistics (decision 0042): the job that counts settled and
 * changed days into statistics_daily, and what case changes write so it knows which days
 * changed. The read side is period-counts.ts.
 */

export const STATISTICS_ROLLUP_JOB = 'statistics.rollup';
/**
 * How often the roll-up job counts the changed days again. Answers touch cases of the last
 * two weeks all day; every minute, a handful of days is dirty at any time (each read from its
 * ~4,000 cases at full volume) rather than most of the fortnight (docs/performance.md).
 */
export const STATISTICS_ROLLUP_EVERY_MS = 60_000;
/**
 * Only days that ended at least a day ago are rolled up, so no registration still in flight
 * (they create cases for "now") can land in a day already counted.
 */
const SETTLED_DAYS = 2;

// PostgreSQL answers COUNT/SUM as bigint strings, SQLite as numbers; SUM over no rows is null.
export const num = (v: number | string | null | undefined) => Number(v ?? 0);
export const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Swedish day a case counts on in the statistics: the day it was registered. */
export function statisticsDayOf(createdAt: Date): string {
  return stockholmDate(createdAt);
}

/**
 * Records, in the caller's transaction, that cases registered on these days changed in a way
 * the statistics count, so their rolled-up figures are not used until counted again.
 */
export async function markStatisticsDaysChanged(tx: EntityManager, days: Iterable<string>): Promise<void> {
  const rows = [...new Set(days)].map((day) => ({ id: randomUUID(), day }));
  if (rows.length === 0) return;
  await tx.createQueryBuilder().insert().into(StatisticsDirtyDay).values(rows).updateEntity(false).execute();
}

/** What of a case the statistics group and filter by; a change to any of it dirties its day. */
export function statisticsKeyOf(
  c: Pick<
    ServiceCase,
    | 'channel'
    | 'categoryId'
    | 'resolvedAtFirstLine'
    | 'forwardedAt'
    | 'answerWorkingDays'
    | 'slaPausedWorkingDays'
  >,
): string {
  const net =
    c.forwardedAt && c.answerWorkingDays != null ? c.answerWorkingDays - c.slaPausedWorkingDays : '';
  return `${c.channel}|${c.categoryId}|${c.resolvedAtFirstLine ? 1 : 0}|${c.forwardedAt ? 1 : 0}|${net}`;
}

/**
 * The job: rolls up every settled day not yet rolled up (from the first case's day) and every
 * rolled-up day with a case changed since, one day per transaction, yielding between days.
 * Idempotent: running it twice, or on two processes at once, counts each day once.
 */
export async function rollUpStatistics(
  dataSource: DataSource,
  now: Date = new Date(),
  options: { maxDays?: number } = {},
): Promise<{ days: string[] }> {
  const last = addDays(stockholmDate(now), -SETTLED_DAYS);
  // The first case, by the statistics index (the first entry of IDX_service_case_created_stats).
  const [first] = await dataSource
    .getRepository(ServiceCase)
    .find({ select: { id: true, createdAt: true }, order: { createdAt: 'ASC' }, take: 1 });
  if (!first) return { days: [] };
  const firstDay = statisticsDayOf(first.createdAt);
  const rolled = new Set(
    (
      await dataSource
        .getRepository(StatisticsDay)
        .createQueryBuilder('d')
        .select('d.day', 'day')
        .getRawMany<{ day: string }>()
    ).map((r) => r.day),
  );
  const dirty = (
    await dataSource
      .getRepository(StatisticsDirtyDay)
      .createQueryBuilder('d')
      .select('DISTINCT d.day', 'day')
      .where('d.day <= :last', { last })
      .getRawMany<{ day: string }>()
  ).map((r) => r.day);
  const todo = new Set(dirty.filter((day) => rolled.has(day)));
  for (let day = firstDay; day <= last; day = nextDay(day)) if (!rolled.has(day)) todo.add(day);
  const days = [...todo].sort().slice(0, options.maxDays ?? Infinity);
  for (const day of days) await rollUpDay(dataSource, day, now);
  return { days };
}

/** Counts one day again from its cases and replaces its roll-up, in one transaction. */
export async function rollUpDay(dataSource: DataSource, day: string, now: Date = new Date()): Promise<void> {
  // A turn of the event loop of its own: on SQLite (better-sqlite3 is synchronous, one
  // connection) a transaction whose statements only await the database then runs whole before
  // anything else, instead of interleaving with one begun in the same turn (the SQL queue runs
  // its lanes' jobs side by side), which SQLite refuses ("cannot start a transaction within a
  // transaction"). It also yields between the days of a long run.
  await nextTurn();
  await dataSource.transaction(async (tx) => {
    // The day's row first: a second job counting the same day waits here for this one (PostgreSQL).
    await tx
      .createQueryBuilder()
      .insert()
      .into(StatisticsDay)
      .values({ day, rolledAt: now })
      .orUpdate(['rolled_at'], ['day'])
      .updateEntity(false)
      .execute();
    // The changes seen now are counted below; one committed after this read keeps its row, so
    // the day stays "changed" until the next run.
    const seen = (
      await tx
        .getRepository(StatisticsDirtyDay)
        .createQueryBuilder('d')
        .select('d.id', 'id')
        .where('d.day = :day', { day })
        .getRawMany<{ id: string }>()
    ).map((r) => r.id);
    const net =
      'CASE WHEN c.forwarded_at IS NOT NULL THEN c.answer_working_days - c.sla_paused_working_days END';
    const counted = await tx
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .select('c.channel', 'channel')
      .addSelect('c.category_id', 'category_id')
      .addSelect(net, 'net')
      .addSelect('COUNT(*)', 'contacts')
      .addSelect('SUM(CASE WHEN c.resolved_at_first_line THEN 1 ELSE 0 END)', 'resolved')
      .addSelect('SUM(CASE WHEN c.forwarded_at IS NOT NULL THEN 1 ELSE 0 END)', 'forwarded')
      .where('c.created_at >= :start AND c.created_at < :end', {
        start: endOfStockholmDay(addDays(day, -1)),
        end: endOfStockholmDay(day),
      })
      .groupBy('c.channel')
      .addGroupBy('c.category_id')
      .addGroupBy(net)
      .getRawMany<{
        channel: string;
        category_id: string;
        net: number | string | null;
        contacts: number | string;
        resolved: number | string | null;
        forwarded: number | string | null;
      }>();
    const byReason = await countContactReasons(
      tx,
      endOfStockholmDay(addDays(day, -1)),
      endOfStockholmDay(day),
    );
    await tx.getRepository(StatisticsDaily).delete({ day });
    // One GROUP BY over the day's index entries, folded into the three dimensions here.
    const byChannel = new Map<string, number>();
    const byCategory = new Map<string, number>();
    const byNet = new Map<number | null, { contacts: number; resolved: number; forwarded: number }>();
    for (const r of counted) {
      const n = num(r.contacts);
      add(byChannel, r.channel, n);
      add(byCategory, r.category_id, n);
      const net = r.net === null ? null : Number(r.net);
      const answer = byNet.get(net) ?? { contacts: 0, resolved: 0, forwarded: 0 };
      answer.contacts += n;
      answer.resolved += num(r.resolved);
      answer.forwarded += num(r.forwarded);
      byNet.set(net, answer);
    }
    const row = (
      dimension: StatisticsDaily['dimension'],
      key: string | null,
      netAnswerDays: number | null,
      c: { contacts: number; resolved: number; forwarded: number },
    ): StatisticsDaily => ({ id: randomUUID(), day, dimension, key, netAnswerDays, ...c });
    const rows = [
      ...[...byChannel].map(([k, n]) => row('CHANNEL', k, null, { contacts: n, resolved: 0, forwarded: 0 })),
      ...[...byCategory].map(([k, n]) =>
        row('CATEGORY', k, null, { contacts: n, resolved: 0, forwarded: 0 }),
      ),
      ...[...byNet].map(([net, c]) => row('ANSWER', null, net, c)),
      ...contactRowsOf(day, byReason, randomUUID),
    ];
    for (let i = 0; i < rows.length; i += 200)
      await tx
        .createQueryBuilder()
        .insert()
        .into(StatisticsDaily)
        .values(rows.slice(i, i + 200))
        .updateEntity(false)
        .execute();
    for (let i = 0; i < seen.length; i += 500)
      await tx
        .createQueryBuilder()
        .delete()
        .from(StatisticsDirtyDay)
        .where('id IN (:...ids)', { ids: seen.slice(i, i + 500) })
        .execute();
  });
}

import type { DataSource } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { endOfStockholmDay, nextDay } from '../sla/swedish-calendar';
import { add, addDays, num } from './statistics-rollup';
import { StatisticsDaily, StatisticsDay, StatisticsDirtyDay } from './statistics-rollup.entities';

/**
 * A period's figures (decision 0042): read from statistics_daily for the days that are rolled
 * up and unchanged since, and counted from service_case (the GROUP BY of decision 0040) for the
 * others: days not yet rolled up (today, yesterday, a new installation) and days with a case
 * changed since their roll-up. So the answer never depends on when the job last ran; only its
 * speed does.
 */

/** A period's cases as the statistics report them. */
export interface PeriodCounts {
  contacts: number;
  resolved: number;
  forwarded: number;
  /** Forwarded and answered (a first reply, or closed): decided for the "answered in time" goal. */
  answered: number;
  inTime: number;
  byChannel: Map<string, number>;
  /** By category id. */
  byCategory: Map<string, number>;
}

export type DayRange = [first: string, last: string];

/** The period's counts (from, to: Swedish dates, both included), from the roll-up where it holds and the cases elsewhere. */
export async function periodCounts(
  dataSource: DataSource,
  from: string,
  to: string,
  answerWithinDays: number,
): Promise<PeriodCounts> {
  const counts: PeriodCounts = {
    contacts: 0,
    resolved: 0,
    forwarded: 0,
    answered: 0,
    inTime: 0,
    byChannel: new Map(),
    byCategory: new Map(),
  };
  if (to < from) return counts;
  const { cleanRanges, caseRanges } = await splitPeriod(dataSource, from, to);
  await addFromRollup(dataSource, cleanRanges, answerWithinDays, counts);
  await addFromCases(dataSource, caseRanges, answerWithinDays, counts);
  return counts;
}

/**
 * The period's days in ranges: those rolled up and unchanged since (read from statistics_daily)
 * and the others (counted from the cases).
 */
export async function splitPeriod(
  dataSource: DataSource,
  from: string,
  to: string,
): Promise<{ cleanRanges: DayRange[]; caseRanges: DayRange[] }> {
  const daysIn = async (entity: typeof StatisticsDay | typeof StatisticsDirtyDay) =>
    (
      await dataSource
        .getRepository(entity)
        .createQueryBuilder('d')
        .select('DISTINCT d.day', 'day')
        .where('d.day >= :from AND d.day <= :to', { from, to })
        .getRawMany<{ day: string }>()
    ).map((r) => r.day);
  const dirtyDays = new Set(await daysIn(StatisticsDirtyDay));
  const clean = new Set((await daysIn(StatisticsDay)).filter((day) => !dirtyDays.has(day)));
  const cleanRanges: DayRange[] = [];
  const caseRanges: DayRange[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    const ranges = clean.has(day) ? cleanRanges : caseRanges;
    const last = ranges.at(-1);
    if (last && nextDay(last[1]) === day) last[1] = day;
    else ranges.push([day, day]);
  }
  return { cleanRanges, caseRanges };
}

/** Rolled-up days, summed per dimension and key; "in time" is decided here, from the stored net days. */
async function addFromRollup(
  dataSource: DataSource,
  ranges: DayRange[],
  answerWithinDays: number,
  counts: PeriodCounts,
): Promise<void> {
  if (ranges.length === 0) return;
  const where = ranges.map((_, i) => `(r.day >= :from${i} AND r.day <= :to${i})`).join(' OR ');
  const params = Object.fromEntries(
    ranges.flatMap(([a, b], i) => [
      [`from${i}`, a],
      [`to${i}`, b],
    ]),
  );
  const rows = await dataSource
    .getRepository(StatisticsDaily)
    .createQueryBuilder('r')
    .select('r.dimension', 'dimension')
    .addSelect('r.key', 'key')
    .addSelect('SUM(r.contacts)', 'contacts')
    .addSelect('SUM(r.resolved)', 'resolved')
    .addSelect('SUM(r.forwarded)', 'forwarded')
    .addSelect('SUM(CASE WHEN r.net_answer_days IS NOT NULL THEN r.forwarded ELSE 0 END)', 'answered')
    .addSelect('SUM(CASE WHEN r.net_answer_days <= :days THEN r.forwarded ELSE 0 END)', 'in_time')
    // Not the CONTACT rows (decision 0086): several times the others, read by their own report.
    .where(`r.dimension IN ('CHANNEL', 'CATEGORY', 'ANSWER') AND (${where})`, params)
    .setParameter('days', answerWithinDays)
    .groupBy('r.dimension')
    .addGroupBy('r.key')
    .getRawMany<{
      dimension: StatisticsDaily['dimension'];
      key: string | null;
      contacts: number | string;
      resolved: number | string | null;
      forwarded: number | string | null;
      answered: number | string | null;
      in_time: number | string | null;
    }>();
  for (const row of rows) {
    if (row.dimension === 'CHANNEL') add(counts.byChannel, row.key!, num(row.contacts));
    else if (row.dimension === 'CATEGORY') add(counts.byCategory, row.key!, num(row.contacts));
    else if (row.dimension === 'ANSWER') {
      counts.contacts += num(row.contacts);
      counts.resolved += num(row.resolved);
      counts.forwarded += num(row.forwarded);
      counts.answered += num(row.answered);
      counts.inTime += num(row.in_time);
    }
  }
}

/**
 * Days counted from the cases (decision 0040): ranges on created_at over the covering index
 * IDX_service_case_created_stats. The parked days of decision 0032 are not the group's.
 */
async function addFromCases(
  dataSource: DataSource,
  ranges: DayRange[],
  answerWithinDays: number,
  counts: PeriodCounts,
): Promise<void> {
  if (ranges.length === 0) return;
  const where = ranges.map((_, i) => `(c.created_at >= :start${i} AND c.created_at < :end${i})`).join(' OR ');
  const params = Object.fromEntries(
    ranges.flatMap(([a, b], i) => [
      [`start${i}`, endOfStockholmDay(addDays(a, -1))],
      [`end${i}`, endOfStockholmDay(b)],
    ]),
  );
  const rows = await dataSource
    .getRepository(ServiceCase)
    .createQueryBuilder('c')
    .select('c.channel', 'channel')
    .addSelect('c.category_id', 'category_id')
    .addSelect('COUNT(*)', 'contacts')
    .addSelect('SUM(CASE WHEN c.resolved_at_first_line THEN 1 ELSE 0 END)', 'resolved')
    .addSelect('SUM(CASE WHEN c.forwarded_at IS NOT NULL THEN 1 ELSE 0 END)', 'forwarded')
    .addSelect(
      'SUM(CASE WHEN c.forwarded_at IS NOT NULL AND c.answer_working_days IS NOT NULL THEN 1 ELSE 0 END)',
      'answered',
    )
    .addSelect(
      'SUM(CASE WHEN c.forwarded_at IS NOT NULL AND c.answer_working_days - c.sla_paused_working_days <= :days THEN 1 ELSE 0 END)',
      'in_time',
    )
    .where(`(${where})`, params)
    .setParameter('days', answerWithinDays)
    .groupBy('c.channel')
    .addGroupBy('c.category_id')
    .getRawMany<{
      channel: string;
      category_id: string;
      contacts: number | string;
      resolved: number | string | null;
      forwarded: number | string | null;
      answered: number | string | null;
      in_time: number | string | null;
    }>();
  for (const row of rows) {
    const n = num(row.contacts);
    counts.contacts += n;
    counts.resolved += num(row.resolved);
    counts.forwarded += num(row.forwarded);
    counts.answered += num(row.answered);
    counts.inTime += num(row.in_time);
    add(counts.byChannel, row.channel, n);
    add(counts.byCategory, row.category_id, n);
  }
}

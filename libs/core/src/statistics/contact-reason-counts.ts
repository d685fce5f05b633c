import type { DataSource, EntityManager } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { CallCase, CallContact } from '../telephony/call.entities';
import { endOfStockholmDay } from '../sla/swedish-calendar';
import { addDays, num } from './statistics-rollup';
import { StatisticsDaily } from './statistics-rollup.entities';
import { splitPeriod, type DayRange } from './period-counts';

/**
 * Contacts by category × contact reason (decision 0086): what the coverage figure and the
 * avoidable-contacts report are made of. The roll-up stores them per day (CONTACT rows); a
 * period is read from those rows where the day holds and counted from the cases elsewhere,
 * as periodCounts does.
 */
export interface ContactReasonCount {
  categoryId: string;
  /** The contact reason, null when none was given. */
  reason: string | null;
  contacts: number;
  /** Resolved at the first line. */
  resolved: number;
  /** Forwarded and not resolved at the first line; an open case not forwarded is not decided yet. */
  forwarded: number;
  /** Talk time of the linked calls; a call linked to n cases counts 1/n for each. */
  talkMs: number;
  /** Contacts with at least one linked call (the others cost no counted minutes). */
  withCall: number;
}

const keyOf = (categoryId: string, reason: string | null) => `${categoryId}|${reason ?? ''}`;

function fold(into: Map<string, ContactReasonCount>, row: ContactReasonCount): void {
  const key = keyOf(row.categoryId, row.reason);
  const had = into.get(key);
  if (!had) into.set(key, { ...row });
  else {
    had.contacts += row.contacts;
    had.resolved += row.resolved;
    had.forwarded += row.forwarded;
    had.talkMs += row.talkMs;
    had.withCall += row.withCall;
  }
}

/** Counts the cases registered in [start, end) by category and reason, from the cases and their calls. */
export async function countContactReasons(
  db: DataSource | EntityManager,
  start: Date,
  end: Date,
): Promise<ContactReasonCount[]> {
  const rows = await db
    .getRepository(ServiceCase)
    .createQueryBuilder('c')
    .select('c.category_id', 'category_id')
    .addSelect('c.contact_reason', 'reason')
    .addSelect('COUNT(*)', 'contacts')
    .addSelect('SUM(CASE WHEN c.resolved_at_first_line THEN 1 ELSE 0 END)', 'resolved')
    .addSelect(
      'SUM(CASE WHEN c.forwarded_at IS NOT NULL AND NOT c.resolved_at_first_line THEN 1 ELSE 0 END)',
      'forwarded',
    )
    .where('c.created_at >= :start AND c.created_at < :end', { start, end })
    .groupBy('c.category_id')
    .addGroupBy('c.contact_reason')
    .getRawMany<{
      category_id: string;
      reason: string | null;
      contacts: number | string;
      resolved: number | string | null;
      forwarded: number | string | null;
    }>();
  const calls = await db
    .getRepository(CallCase)
    .createQueryBuilder('l')
    .innerJoin(ServiceCase, 'c', 'c.id = l.case_id')
    .innerJoin(CallContact, 'k', 'k.call_id = l.call_id')
    .select('l.case_id', 'case_id')
    .addSelect('c.category_id', 'category_id')
    .addSelect('c.contact_reason', 'reason')
    .addSelect('k.talk_ms', 'talk_ms')
    .addSelect('(SELECT COUNT(*) FROM call_case x WHERE x.call_id = l.call_id)', 'shared')
    .where('c.created_at >= :start AND c.created_at < :end', { start, end })
    .getRawMany<{
      case_id: string;
      category_id: string;
      reason: string | null;
      talk_ms: number | string | null;
      shared: number | string;
    }>();
  const counts = new Map<string, ContactReasonCount>();
  for (const r of rows)
    fold(counts, {
      categoryId: r.category_id,
      reason: r.reason,
      contacts: num(r.contacts),
      resolved: num(r.resolved),
      forwarded: num(r.forwarded),
      talkMs: 0,
      withCall: 0,
    });
  const casesWithCall = new Set<string>();
  for (const r of calls) {
    const count = counts.get(keyOf(r.category_id, r.reason));
    if (!count) continue; // registered after the first query read: counted next time
    count.talkMs += Math.round(num(r.talk_ms) / Math.max(1, num(r.shared)));
    if (!casesWithCall.has(r.case_id)) {
      casesWithCall.add(r.case_id);
      count.withCall += 1;
    }
  }
  return [...counts.values()];
}

/** The CONTACT rows of one day's roll-up. */
export function contactRowsOf(
  day: string,
  counts: ContactReasonCount[],
  id: () => string,
): StatisticsDaily[] {
  return counts.map((c) => ({
    id: id(),
    day,
    dimension: 'CONTACT',
    key: c.categoryId,
    netAnswerDays: null,
    contacts: c.contacts,
    resolved: c.resolved,
    forwarded: c.forwarded,
    reason: c.reason,
    talkMs: c.talkMs,
    withCall: c.withCall,
  }));
}

/** The period's contacts by category and reason (from, to: Swedish dates, both included). */
export async function periodContactReasons(
  dataSource: DataSource,
  from: string,
  to: string,
): Promise<ContactReasonCount[]> {
  if (to < from) return [];
  const { cleanRanges, caseRanges } = await splitPeriod(dataSource, from, to);
  const counts = new Map<string, ContactReasonCount>();
  for (const row of await fromRollup(dataSource, cleanRanges)) fold(counts, row);
  for (const [a, b] of caseRanges)
    for (const row of await countContactReasons(
      dataSource,
      endOfStockholmDay(addDays(a, -1)),
      endOfStockholmDay(b),
    ))
      fold(counts, row);
  return [...counts.values()];
}

async function fromRollup(dataSource: DataSource, ranges: DayRange[]): Promise<ContactReasonCount[]> {
  if (ranges.length === 0) return [];
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
    .select('r.key', 'key')
    .addSelect('r.reason', 'reason')
    .addSelect('SUM(r.contacts)', 'contacts')
    .addSelect('SUM(r.resolved)', 'resolved')
    .addSelect('SUM(r.forwarded)', 'forwarded')
    .addSelect('SUM(r.talk_ms)', 'talk_ms')
    .addSelect('SUM(r.with_call)', 'with_call')
    .where(`r.dimension = 'CONTACT' AND (${where})`, params)
    .groupBy('r.key')
    .addGroupBy('r.reason')
    .getRawMany<{
      key: string;
      reason: string | null;
      contacts: number | string;
      resolved: number | string | null;
      forwarded: number | string | null;
      talk_ms: number | string | null;
      with_call: number | string | null;
    }>();
  return rows.map((r) => ({
    categoryId: r.key,
    reason: r.reason,
    contacts: num(r.contacts),
    resolved: num(r.resolved),
    forwarded: num(r.forwarded),
    talkMs: num(r.talk_ms),
    withCall: num(r.with_call),
  }));
}

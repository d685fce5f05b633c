import type { DataSource } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { CaseStatus } from '../cases/case-vocabulary';
import { endOfStockholmDay, workingDaysBetween } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import { addDays } from './statistics-rollup';

/** The period's forwarded cases that no answer has reached yet, as the "answered in time" goal sees them. */
export interface OpenForwarded {
  /** Still with the group past the goal's working days: decided, as not answered in time. */
  late: number;
  /** Not yet due, or waiting for the citizen (the clock stops): not decided, shown as "pågående". */
  pending: number;
}

/**
 * Counts, at `now`, the unanswered forwarded cases registered from `from` to `to`: late once more
 * working days than the goal's have passed since the forward (less the days parked), pending
 * otherwise. Whether an open case is late depends on today, so it is never rolled up: counted
 * from the cases, on the open ones only (IDX_service_case_status_due's range on status), with
 * the calendar worked out once per forward date, not per case.
 */
export async function openForwarded(
  dataSource: DataSource,
  from: string,
  to: string,
  answerWithinDays: number,
  now: Date,
): Promise<OpenForwarded> {
  // Entities, not raw rows: TypeORM reads each database's timestamps (SQLite keeps UTC text).
  const rows = await dataSource
    .getRepository(ServiceCase)
    .createQueryBuilder('c')
    .select(['c.id', 'c.status', 'c.forwardedAt', 'c.slaPausedWorkingDays'])
    .where('c.status IN (:...open)', { open: [CaseStatus.FORWARDED, CaseStatus.WAITING_FOR_CUSTOMER] })
    .andWhere('c.answer_working_days IS NULL')
    .andWhere('c.created_at >= :start AND c.created_at < :end', {
      start: endOfStockholmDay(addDays(from, -1)),
      end: endOfStockholmDay(to),
    })
    .getMany();
  const today = stockholmDate(now);
  const daysSince = new Map<string, number>();
  const counts: OpenForwarded = { late: 0, pending: 0 };
  for (const row of rows) {
    if (row.status === CaseStatus.WAITING_FOR_CUSTOMER) {
      counts.pending++;
      continue;
    }
    const forwardedOn = stockholmDate(row.forwardedAt!);
    if (!daysSince.has(forwardedOn)) daysSince.set(forwardedOn, workingDaysBetween(forwardedOn, today));
    const late = daysSince.get(forwardedOn)! - row.slaPausedWorkingDays > answerWithinDays;
    counts[late ? 'late' : 'pending']++;
  }
  return counts;
}

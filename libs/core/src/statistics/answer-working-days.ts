import { IsNull, Not, type DataSource } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { workingDaysBetween } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import { markStatisticsDaysChanged, statisticsDayOf } from './statistics-rollup';

type AnswerTimes = Pick<ServiceCase, 'forwardedAt' | 'firstReplyAt' | 'closedAt'>;

/**
 * The per-case fact the "answered in time" goal counts: working days (Swedish calendar, holidays
 * included) from the case's forwarding to the group's first answer (the first reply, or the
 * closing when nobody replied). Null while the case is not forwarded or not answered. Stored on
 * the case whenever it changes (CaseService), so statistics aggregate it in SQL.
 */
export function answerWorkingDaysOf(serviceCase: AnswerTimes): number | null {
  const answeredAt = serviceCase.firstReplyAt ?? serviceCase.closedAt;
  if (!serviceCase.forwardedAt || !answeredAt) return null;
  return workingDaysBetween(stockholmDate(serviceCase.forwardedAt), stockholmDate(answeredAt));
}

const BACKFILLED = new WeakSet<DataSource>();
const BATCH = 500;

/**
 * Fills answer_working_days for cases answered before the column existed (migration
 * 1765300000000), in batches, once per process and database. After that the case chain keeps it.
 */
export async function backfillAnswerWorkingDays(dataSource: DataSource): Promise<void> {
  if (BACKFILLED.has(dataSource)) return;
  const cases = dataSource.getRepository(ServiceCase);
  const pending = () =>
    cases.find({
      select: { id: true, forwardedAt: true, firstReplyAt: true, closedAt: true, createdAt: true },
      where: [
        { forwardedAt: Not(IsNull()), answerWorkingDays: IsNull(), firstReplyAt: Not(IsNull()) },
        { forwardedAt: Not(IsNull()), answerWorkingDays: IsNull(), closedAt: Not(IsNull()) },
      ],
      take: BATCH,
    });
  for (let batch = await pending(); batch.length; batch = await pending()) {
    await dataSource.transaction(async (tx) => {
      for (const c of batch)
        await tx.update(ServiceCase, { id: c.id }, { answerWorkingDays: answerWorkingDaysOf(c) });
      // A rolled-up day counted these as not answered in time: it is counted again (decision 0042).
      await markStatisticsDaysChanged(
        tx,
        batch.map((c) => statisticsDayOf(c.createdAt)),
      );
    });
    if (batch.length < BATCH) break;
  }
  BACKFILLED.add(dataSource);
}

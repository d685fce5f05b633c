import type { DataSource } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { CaseStatus, ContactChannel } from '../cases/case-vocabulary';
import { endOfStockholmDay, workingDaysBetween } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import { addDays } from './statistics-rollup';

/** The channels a citizen writes by: servicemål 4 is theirs. */
export const WRITTEN_CHANNELS = [ContactChannel.EMAIL, ContactChannel.E_SERVICE] as const;

/** How one written channel's questions were answered, counted only where the outcome is decided. */
export interface WrittenAnswerCounts {
  channel: string;
  /** Answered, or still open past the days (late): the basis of the share for those days. */
  decided: number;
  /** Answered within the days. */
  inTime: number;
  /** Open and not yet past the days, or waiting for the citizen: in neither. */
  pending: number;
}

/**
 * Servicemål 4 (Luleå: a question sent by e-mail or e-service is answered within two working
 * days) and KKiK's share answered within one, per written channel, for questions received from
 * `from` to `to`. Measured from the day the question arrived to the first answer (the first
 * reply, or the closing when nobody replied), in Swedish working days. An answered question is
 * decided; an open one is decided (late) only once more working days than the goal's have
 * passed; before that it is pending, as is one waiting for the citizen (the clock stands still).
 * Counted over the period's written cases, with the calendar worked out once per pair of days.
 */
export async function writtenAnswers(
  dataSource: DataSource,
  from: string,
  to: string,
  withinDays: number,
  now: Date,
): Promise<WrittenAnswerCounts[]> {
  const rows = await dataSource
    .getRepository(ServiceCase)
    .createQueryBuilder('c')
    .select(['c.id', 'c.channel', 'c.status', 'c.createdAt', 'c.firstReplyAt', 'c.closedAt'])
    .where('c.channel IN (:...channels)', { channels: [...WRITTEN_CHANNELS] })
    .andWhere('c.created_at >= :start AND c.created_at < :end', {
      start: endOfStockholmDay(addDays(from, -1)),
      end: endOfStockholmDay(to),
    })
    .getMany();
  const today = stockholmDate(now);
  const between = new Map<string, number>();
  const days = (a: string, b: string) => {
    const key = `${a}/${b}`;
    if (!between.has(key)) between.set(key, workingDaysBetween(a, b));
    return between.get(key)!;
  };
  const counts = new Map<string, WrittenAnswerCounts>(
    WRITTEN_CHANNELS.map((channel) => [channel, { channel, decided: 0, inTime: 0, pending: 0 }]),
  );
  for (const row of rows) {
    const count = counts.get(row.channel)!;
    const received = stockholmDate(row.createdAt);
    const answeredAt = row.firstReplyAt ?? row.closedAt;
    if (answeredAt) {
      count.decided++;
      if (days(received, stockholmDate(answeredAt)) <= withinDays) count.inTime++;
    } else if (row.status === CaseStatus.WAITING_FOR_CUSTOMER || days(received, today) <= withinDays) {
      count.pending++;
    } else {
      count.decided++;
    }
  }
  return [...counts.values()];
}

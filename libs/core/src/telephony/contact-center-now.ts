import type { DataSource } from 'typeorm';
import { answerGroupLoad, type AnswerGroupLoad } from '../statistics/answer-group-load';
import { stockholmDate } from '../time/stockholm-date';
import { CallbackQueue } from '../callbacks/callback-queue';
import { CallContact } from './call.entities';
import { CallOutcome } from './call-summary';
import { callStatistics, type QueueCallFigures } from './call-statistics';
import type { TelephonySettings } from './telephony-settings';

/** The contact center right now, for the managers' wall screen. */
export interface ContactCenterNow {
  at: Date;
  /** Today's calls (Stockholm) still in a queue. */
  callsWaiting: number;
  /** When the caller waiting longest was offered; the screen counts the seconds from it. */
  oldestWaitingSince: Date | null;
  longestWaitSeconds: number;
  /** Distinct agents talking to a caller now. */
  agentsOnCall: number;
  /** Per queue, today so far: answered, abandoned, answered within the queue's seconds. */
  today: QueueCallFigures[];
  overdueByAnswerGroup: AnswerGroupLoad[];
  /** Callbacks due now and waiting for an agent (expired ones left out). */
  callbacksWaiting: number;
  /** When the callback waiting longest became due; the screen counts from it. */
  oldestCallbackWaitingSince: Date | null;
  longestCallbackWaitSeconds: number;
  /** Callbacks asked for at a later time, not yet due. */
  callbacksScheduled: number;
}

/**
 * A handful of aggregates, each one index range: calls offered today by outcome, today's
 * goals (callStatistics), and forwarded cases past their due time per answer group. Only
 * today's calls count as waiting or talking: a call the platform never ended stays in the
 * log as it was, but stops holding up the wall screen at midnight.
 */
export async function contactCenterNow(
  dataSource: DataSource,
  settings: TelephonySettings,
  now: Date,
): Promise<ContactCenterNow> {
  const today = stockholmDate(now);
  const calls = dataSource.getRepository(CallContact);
  const [waiting, onCall, figures, overdueByAnswerGroup, callbacks] = await Promise.all([
    calls
      .createQueryBuilder('c')
      .select('COUNT(*)', 'n')
      .addSelect('MIN(c.offered_at)', 'oldest')
      .where('c.offered_day = :today AND c.outcome = :waiting', { today, waiting: CallOutcome.WAITING })
      .getRawOne<{ n: string | number; oldest: string | Date | null }>(),
    calls
      .createQueryBuilder('c')
      .select('COUNT(DISTINCT c.agent_id)', 'n')
      .where('c.offered_day = :today AND c.outcome = :inCall', { today, inCall: CallOutcome.IN_CALL })
      .getRawOne<{ n: string | number }>(),
    callStatistics(dataSource, today, today, settings),
    answerGroupLoad(dataSource, now),
    new CallbackQueue(dataSource, settings, () => now).waitingNow(),
  ]);
  const oldest = waiting?.oldest ? parseInstant(waiting.oldest) : null;
  return {
    at: now,
    callsWaiting: Number(waiting?.n ?? 0),
    oldestWaitingSince: oldest,
    longestWaitSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
    agentsOnCall: Number(onCall?.n ?? 0),
    today: figures,
    overdueByAnswerGroup,
    callbacksWaiting: callbacks.waiting,
    oldestCallbackWaitingSince: callbacks.oldestDueSince,
    longestCallbackWaitSeconds: callbacks.oldestDueSince
      ? Math.max(0, Math.round((now.getTime() - callbacks.oldestDueSince.getTime()) / 1000))
      : 0,
    callbacksScheduled: callbacks.scheduled,
  };
}

/** MIN() over a datetime comes back raw: a Date (PostgreSQL) or TypeORM's UTC text (SQLite). */
function parseInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

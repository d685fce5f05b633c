import type { CallEventKind } from './call-event';

/** An event the contact log will not take: the body field it concerns, why, and a reason code. */
export class CallEventRefused extends Error {
  constructor(
    readonly field: 'at' | 'event',
    message: string,
    readonly reason: 'AT_IN_FUTURE' | 'AT_TOO_OLD' | 'NOT_OFFERED' | 'OUT_OF_SEQUENCE',
  ) {
    super(message);
  }
}

/** The platform's clock may run a little ahead of the hub's; more is a wrong clock or a wrong year. */
export const CALL_EVENT_FUTURE_MS = 5 * 60_000;
/**
 * How long an event may wait for its call's OFFERED. Webhooks arrive out of order (a retried
 * OFFERED lands after the ANSWERED sent a second later), so an event of a call not yet offered
 * is taken while OFFERED can still be on its way; past this, the call was never offered here.
 */
export const OFFERED_GRACE_MS = 60 * 60_000;
const DAY_MS = 86_400_000;
/** With the contact log kept for ever (retention off), still no call from before the hub existed. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');

/** A recorded event as the rules need it. */
export interface TimedEvent {
  event: CallEventKind | string;
  at: Date;
}

/**
 * The event's instant against the hub's clock: at most a few minutes ahead, and no older than
 * the contact log keeps calls (`keptDays`, retention's contactLogDays; null: kept for ever).
 */
export function checkEventTime(at: Date, now: Date, keptDays: number | null): void {
  if (at.getTime() > now.getTime() + CALL_EVENT_FUTURE_MS)
    throw new CallEventRefused(
      'at',
      `${at.toISOString()} is in the future (the hub's time is ${now.toISOString()}; at most ${CALL_EVENT_FUTURE_MS / 60_000} minutes ahead is taken).`,
      'AT_IN_FUTURE',
    );
  const oldest = Math.max(EARLIEST, keptDays === null ? EARLIEST : now.getTime() - keptDays * DAY_MS);
  if (at.getTime() < oldest)
    throw new CallEventRefused(
      'at',
      `${at.toISOString()} is older than the contact log keeps calls (from ${new Date(oldest).toISOString()}).`,
      'AT_TOO_OLD',
    );
}

/** Which event may not come before which: OFFERED first, then ANSWERED, then the end of the talk. */
const STAGE: Partial<Record<string, number>> = { OFFERED: 0, ANSWERED: 1, ENDED: 2, TRANSFERRED: 2 };

/**
 * The new event against the call's events recorded so far, in whatever order they arrived:
 * its time must not contradict theirs (nothing before the OFFERED, no end before the answer;
 * ABANDONED only after the offer), and an event of a call that was never offered is taken only
 * within OFFERED_GRACE_MS of its time.
 */
export function checkEventSequence(input: TimedEvent, recorded: TimedEvent[], now: Date): void {
  const offered = input.event === 'OFFERED' ? input : recorded.find((e) => e.event === 'OFFERED');
  if (!offered && now.getTime() - input.at.getTime() > OFFERED_GRACE_MS)
    throw new CallEventRefused(
      'event',
      `${input.event} for a call that was never OFFERED: send the call's OFFERED first.`,
      'NOT_OFFERED',
    );
  for (const other of recorded) {
    const [earlier, later] = ordered(input, other);
    if (earlier && later && earlier.at.getTime() > later.at.getTime())
      throw new CallEventRefused(
        'at',
        `${input.event} at ${input.at.toISOString()} contradicts the call's ${other.event} at ${other.at.toISOString()}: ${earlier.event} comes before ${later.event}.`,
        'OUT_OF_SEQUENCE',
      );
  }
}

/** The pair in the order the call must have them in, or [] when any order is possible. */
function ordered(a: TimedEvent, b: TimedEvent): [TimedEvent, TimedEvent] | [] {
  const stageA = a.event === 'ABANDONED' ? (b.event === 'OFFERED' ? 1 : undefined) : STAGE[a.event];
  const stageB = b.event === 'ABANDONED' ? (a.event === 'OFFERED' ? 1 : undefined) : STAGE[b.event];
  if (stageA === undefined || stageB === undefined || stageA === stageB) return [];
  return stageA < stageB ? [a, b] : [b, a];
}

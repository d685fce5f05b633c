import type { CallEventKind } from './call-event';

/** What became of a call, as far as the events so far tell. */
export enum CallOutcome {
  /** Offered, in the queue, nobody has answered yet. */
  WAITING = 'WAITING',
  /** An agent is talking to the caller. */
  IN_CALL = 'IN_CALL',
  ANSWERED = 'ANSWERED',
  /** Answered, then handed on to another queue or person. */
  TRANSFERRED = 'TRANSFERRED',
  /** The caller hung up before anyone answered. */
  ABANDONED = 'ABANDONED',
}

/** An event as the summary needs it. */
export interface SummaryEvent {
  event: CallEventKind;
  at: Date;
  queue: string;
  agentId: string | null;
}

export interface CallSummary {
  queue: string;
  offeredAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  agentId: string | null;
  outcome: CallOutcome;
  /** From the offer to the answer or the hang-up; null while still waiting. */
  waitMs: number | null;
  /** From the answer to the end or the transfer; null until both are known. */
  talkMs: number | null;
}

const first = (events: SummaryEvent[], kind: CallEventKind) => events.find((e) => e.event === kind);

/**
 * The contact-log row from whatever events of one call have arrived, in any order (a
 * platform may deliver ENDED before ANSWERED, or OFFERED last): each event kind counts once,
 * and the row is the same whatever order they came in. A call without OFFERED is taken as
 * offered at its earliest event. ENDED without an answer is a hang-up in the queue (some
 * platforms send no ABANDONED); ABANDONED after an answer is read as the end of the talk.
 */
export function summariseCall(events: SummaryEvent[]): CallSummary {
  if (!events.length) throw new Error('summariseCall needs at least one event');
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const offered = first(sorted, 'OFFERED');
  const answered = first(sorted, 'ANSWERED');
  const transferred = first(sorted, 'TRANSFERRED');
  const ended = first(sorted, 'ENDED');
  const abandoned = first(sorted, 'ABANDONED');
  const offeredAt = (offered ?? sorted[0]).at;
  const queue = (offered ?? sorted[0]).queue;
  const since = (at: Date) => Math.max(0, at.getTime() - offeredAt.getTime());

  if (!answered) {
    const hangUp = abandoned ?? ended;
    return {
      queue,
      offeredAt,
      answeredAt: null,
      endedAt: hangUp?.at ?? null,
      agentId: null,
      outcome: hangUp ? CallOutcome.ABANDONED : CallOutcome.WAITING,
      waitMs: hangUp ? since(hangUp.at) : null,
      talkMs: null,
    };
  }
  const end = transferred ?? ended ?? abandoned;
  return {
    queue,
    offeredAt,
    answeredAt: answered.at,
    endedAt: end?.at ?? null,
    agentId: answered.agentId,
    outcome: !end ? CallOutcome.IN_CALL : transferred ? CallOutcome.TRANSFERRED : CallOutcome.ANSWERED,
    waitMs: since(answered.at),
    talkMs: end ? Math.max(0, end.at.getTime() - answered.at.getTime()) : null,
  };
}

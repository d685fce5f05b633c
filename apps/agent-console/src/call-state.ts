/** The call on this agent's line, as the console holds it. */
export interface CurrentCall {
  callId: string;
  queueName: string | null;
  /** E.164 or as given by the screen-pop URL; null when withheld. */
  from: string | null;
  fromText: string | null;
  ivrPersonalNumber: string | null;
  /** Seconds in the queue; null when not known (a screen pop the contact log has not got). */
  waitedSeconds?: number | null;
  /** Set once the platform reports the call over (ENDED, TRANSFERRED, ABANDONED). */
  endedAt?: string | null;
}

/** The call new contacts are linked to: the one on screen while it lasts, none once it has ended. */
export function linkableCall(call: CurrentCall | null): CurrentCall | null {
  return call && !call.endedAt ? call : null;
}

/**
 * What a notice does to the call on screen: a call going on replaces it (a new call); the end
 * of the call on screen marks it ended; the end of some other call (already dismissed, or
 * replaced) changes nothing.
 */
export function nextCall(shown: CurrentCall | null, notice: CurrentCall): CurrentCall | null {
  if (!notice.endedAt) return notice;
  return shown?.callId === notice.callId ? notice : shown;
}

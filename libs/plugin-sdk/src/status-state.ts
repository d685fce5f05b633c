/**
 * The shared lifecycle every department's matters are mapped onto, so the first line
 * reads all of a caller's matters in one list. Keep it small: a plugin maps its own
 * codes onto these, and keeps the department's nuance in the Swedish `label`.
 */
export enum StatusState {
  /** Inkommen: the department has received it, nobody has started. */
  RECEIVED = 'RECEIVED',
  /** Under handläggning: someone at the department is working on it. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** Väntar på dig: the citizen must do something (answer an offer, send a document, pay). */
  WAITING_FOR_CUSTOMER = 'WAITING_FOR_CUSTOMER',
  /** Beslutad: a decision is made (an offer given, a permit granted or refused). */
  DECIDED = 'DECIDED',
  /** Avslutad: nothing more will happen. */
  COMPLETED = 'COMPLETED',
  /** Återkallad / makulerad: withdrawn or cancelled. */
  CANCELLED = 'CANCELLED',
  /** The department sent a code its plugin's catalogue does not know; the label carries the raw code. */
  UNKNOWN = 'UNKNOWN',
}

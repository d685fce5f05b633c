/** How the citizen got in touch (kontaktväg). */
export enum ContactChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  VISIT = 'VISIT',
  E_SERVICE = 'E_SERVICE',
  LETTER = 'LETTER',
}

/**
 * Where a case (ärende) is in its chain: OPEN at the first line, FORWARDED to an answer
 * group (svarsgrupp), WAITING_FOR_CUSTOMER while the group waits for the citizen, CLOSED
 * with a resolution.
 */
export enum CaseStatus {
  OPEN = 'OPEN',
  FORWARDED = 'FORWARDED',
  /** Väntar på invånaren (komplettering): the SLA clock stands still until the citizen answers or the wake-up date. */
  WAITING_FOR_CUSTOMER = 'WAITING_FOR_CUSTOMER',
  CLOSED = 'CLOSED',
}

/** Every state change is an event: the event list is the parcel-tracking view. */
export enum CaseEventType {
  REGISTERED = 'REGISTERED',
  RESOLVED_AT_FIRST_LINE = 'RESOLVED_AT_FIRST_LINE',
  FORWARDED = 'FORWARDED',
  ASSIGNED = 'ASSIGNED',
  NOTE_ADDED = 'NOTE_ADDED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  SLA_ALARM = 'SLA_ALARM',
  /** Parked to wait for the citizen (WAITING_FOR_CUSTOMER), with the date it wakes up. */
  PARKED = 'PARKED',
  /** Back with the group: the citizen answered, or the wake-up date came. */
  RESUMED = 'RESUMED',
  /** The citizen wrote again by e-mail (a reply to the case's mail): their own text. */
  EMAIL_RECEIVED = 'EMAIL_RECEIVED',
}

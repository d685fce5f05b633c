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
 * group (svarsgrupp), CLOSED with a resolution.
 */
export enum CaseStatus {
  OPEN = 'OPEN',
  FORWARDED = 'FORWARDED',
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
}

/**
 * Why the citizen got in touch (issue 26, decision 0086): a small fixed list the first line picks
 * from, so avoidable contacts ("onödig efterfrågan") can be counted. Optional on a contact.
 */
export enum ContactReason {
  STATUS_QUESTION = 'STATUS_QUESTION',
  DOES_NOT_UNDERSTAND_LETTER = 'DOES_NOT_UNDERSTAND_LETTER',
  WANTS_TO_APPLY = 'WANTS_TO_APPLY',
  COMPLAINT = 'COMPLAINT',
  ERROR_REPORT = 'ERROR_REPORT',
  OTHER = 'OTHER',
}

/** The Swedish label of each reason, for the console, the report and its mail. */
export const CONTACT_REASON_LABELS: Record<ContactReason, string> = {
  [ContactReason.STATUS_QUESTION]: 'Fråga om status',
  [ContactReason.DOES_NOT_UNDERSTAND_LETTER]: 'Förstår inte brev eller faktura',
  [ContactReason.WANTS_TO_APPLY]: 'Vill ansöka',
  [ContactReason.COMPLAINT]: 'Klagomål',
  [ContactReason.ERROR_REPORT]: 'Felanmälan',
  [ContactReason.OTHER]: 'Annat',
};

/**
 * A contact the citizen could have answered on Mina ärenden: a status question in a category a
 * department system answers (the hub shows that status to the citizen).
 */
export function isAvoidableContact(reason: string | null, categoryAnsweredBySystem: boolean): boolean {
  return reason === ContactReason.STATUS_QUESTION && categoryAnsweredBySystem;
}

import type { CallerIdentification } from './caller-identification.entity';

/** What the agent reads while BankID works, by hint code (BankID may add codes: those get the general line). */
const PENDING: Record<string, string> = {
  outstandingTransaction: 'BankID har skickat identifieringen. Be personen öppna BankID-appen.',
  userCallConfirm:
    'BankID frågar personen om samtalet: be personen bekräfta i appen att hen talar med kommunen just nu.',
  userMobileSign: 'Personen legitimerar sig i BankID-appen …',
  started: 'BankID-appen har startats hos personen …',
};
const PENDING_OTHER = 'Identifieringen pågår i BankID …';

/** Why an identification unlocked nothing, in Swedish for the agent. */
const FAILED: Record<string, string> = {
  expiredTransaction: 'Identifieringen tog för lång tid och avbröts av BankID. Försök igen.',
  userCancel: 'Personen avbröt identifieringen i BankID-appen.',
  cancelled: 'Identifieringen avbröts.',
  startFailed: 'BankID-appen kunde inte startas hos personen. Försök igen.',
  userDeclinedCall: 'Personen svarade i appen att hen inte talar med kommunen. Ingen identifiering gjordes.',
  certificateErr: 'Personens BankID är spärrat, för gammalt eller ogiltigt. Be personen förnya sitt BankID.',
  mismatch:
    'BankID identifierade en annan person än den som efterfrågades. Identifieringen godtas inte och inga sekretessuppgifter visas.',
  'bankid-unavailable':
    'BankID svarar inte just nu. Försök igen om en stund; uppgifter under sekretess förblir dolda.',
  'invalid-answer': 'BankID gav ett svar som inte gick att tolka. Identifieringen godtas inte.',
  alreadyInProgress: 'En annan identifiering pågick redan för personen; BankID avbröt båda. Försök igen.',
  'not-configured': 'BankID är inte anslutet i den här installationen.',
};
const FAILED_OTHER = 'Identifieringen misslyckades. Försök igen.';

const time = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
});

/** The line the console shows for an identification in its current state. */
export function identificationMessage(row: CallerIdentification): string {
  switch (row.status) {
    case 'pending':
      return PENDING[row.hintCode ?? ''] ?? PENDING_OTHER;
    case 'complete':
      return row.method === 'exception'
        ? `Undantag från identifiering ${time.format(row.finishedAt!)}: ${row.exceptionReason}`
        : `Identifierad med BankID ${time.format(row.finishedAt!)}: ${row.identifiedName}`;
    case 'cancelled':
      return FAILED.cancelled!;
    case 'failed':
      return FAILED[row.failure ?? ''] ?? FAILED_OTHER;
  }
}

/** What the caller's BankID app shows: who asks (simpleMarkdownV1 is not used; plain text). */
export const USER_VISIBLE_TEXT = 'Kommunens kontaktcenter vill bekräfta vem du är under samtalet.';

/** The gate's reason when a secrecy department is withheld for want of an identification. */
export const NOT_IDENTIFIED_REASON = 'Sekretess: identifiera den som ringer med BankID först.';

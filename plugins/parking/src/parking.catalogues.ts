import { StatusState, statusCatalogue, type StatusReader } from '@frontdoor/plugin-sdk';

type Wording = Record<Exclude<StatusReader['kind'], 'staff'>, string>;

/** Every permit state the parking system sends, as staff read it. */
export const parkingPermitCatalogue = statusCatalogue({
  APPLIED: { state: StatusState.RECEIVED, label: 'Ansökan inkommen' },
  IN_REVIEW: { state: StatusState.IN_PROGRESS, label: 'Handläggs' },
  ACTIVE: { state: StatusState.DECIDED, label: 'Giltigt' },
  REJECTED: { state: StatusState.DECIDED, label: 'Avslagen' },
  EXPIRED: { state: StatusState.COMPLETED, label: 'Utgånget' },
});
type PermitCode = (typeof parkingPermitCatalogue.codes)[number];

/** Every fine state the parking system sends, as staff read it. */
export const parkingFineCatalogue = statusCatalogue({
  UNPAID: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Obetald' },
  REVIEW_REQUESTED: { state: StatusState.IN_PROGRESS, label: 'Omprövning begärd' },
  PAID: { state: StatusState.COMPLETED, label: 'Betald' },
  CANCELLED: { state: StatusState.CANCELLED, label: 'Avskriven' },
});
type FineCode = (typeof parkingFineCatalogue.codes)[number];

/** The same states worded for the person themselves and for someone acting for them. */
const PERMIT_WORDING: Record<PermitCode, Wording> = {
  APPLIED: { citizen: 'Vi har tagit emot din ansökan', representative: 'Ansökan har kommit in' },
  IN_REVIEW: { citizen: 'Vi handlägger din ansökan', representative: 'Ansökan handläggs' },
  ACTIVE: { citizen: 'Ditt tillstånd gäller', representative: 'Tillståndet gäller' },
  REJECTED: { citizen: 'Din ansökan har fått avslag', representative: 'Ansökan har fått avslag' },
  EXPIRED: { citizen: 'Ditt tillstånd har gått ut', representative: 'Tillståndet har gått ut' },
};
const FINE_WORDING: Record<FineCode, Wording> = {
  UNPAID: { citizen: 'Du har en obetald avgift', representative: 'Avgiften är obetald' },
  REVIEW_REQUESTED: { citizen: 'Vi omprövar avgiften', representative: 'Avgiften omprövas' },
  PAID: { citizen: 'Du har betalat avgiften', representative: 'Avgiften är betald' },
  CANCELLED: { citizen: 'Avgiften är avskriven', representative: 'Avgiften är avskriven' },
};

/** The label for a state and reader; an unknown code reads the same to everyone. */
export function permitLabel(code: string, reader: StatusReader): string {
  const entry = parkingPermitCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return PERMIT_WORDING[code as PermitCode][reader.kind];
}

export function fineLabel(code: string, reader: StatusReader): string {
  const entry = parkingFineCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return FINE_WORDING[code as FineCode][reader.kind];
}

/** Why a review is asked for, in Swedish. */
export const REVIEW_REASONS: Record<string, string> = {
  SIGN_UNCLEAR: 'Otydlig eller saknad skyltning',
  PERMIT_VALID: 'Giltigt tillstånd fanns',
  VEHICLE_SOLD: 'Fordonet var sålt',
  VEHICLE_STOLEN: 'Fordonet var stulet',
  OTHER: 'Annat skäl',
};

export function reviewReasonLabel(reason: string): string {
  return REVIEW_REASONS[reason] ?? `Annat skäl (${reason})`;
}

const REVIEW_STATES: Record<string, string> = {
  REQUESTED: 'Begärd, parkeringshandläggaren prövar den',
  APPROVED: 'Bifallen: avgiften är avskriven',
  REJECTED: 'Avslagen: avgiften ska betalas',
};

export function reviewStateLabel(status: string): string {
  return REVIEW_STATES[status] ?? `Okänd status (${status})`;
}

/** Why the system refused a review request, in Swedish for the agent to read aloud. */
const REFUSALS: Record<string, string> = {
  UNKNOWN_FINE: 'Avgiften finns inte i parkeringssystemet. Kontrollera avgiftens nummer.',
  NOT_OWNER: 'Avgiften gäller ett fordon som personen inte äger. Den som äger fordonet begär omprövning.',
  ALREADY_REQUESTED: 'Omprövning är redan begärd för avgiften.',
  ALREADY_DECIDED: 'Avgiften är redan omprövad. Den som inte är nöjd kan vända sig till Polismyndigheten.',
  CANCELLED: 'Avgiften är redan avskriven.',
};

export function refusalLabel(reason: string): string {
  return REFUSALS[reason] ?? `Parkeringssystemet tog inte emot begäran (${reason}).`;
}

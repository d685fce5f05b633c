import { StatusState, statusCatalogue, type StatusReader } from '@frontdoor/plugin-sdk';

type OtherReader = Exclude<StatusReader['kind'], 'staff'>;

/** Every investigation state the social-services system sends, as staff read it. */
export const investigationCatalogue = statusCatalogue({
  STARTED: { state: StatusState.RECEIVED, label: 'Inledd' },
  ONGOING: { state: StatusState.IN_PROGRESS, label: 'Pågår' },
  EXTENDED: { state: StatusState.IN_PROGRESS, label: 'Förlängd' },
  CLOSED: { state: StatusState.COMPLETED, label: 'Avslutad' },
});
export type InvestigationCode = (typeof investigationCatalogue.codes)[number];

/** Every state of a support (insats), as staff read it. */
export const interventionCatalogue = statusCatalogue({
  GRANTED: { state: StatusState.DECIDED, label: 'Beviljad' },
  ENDED: { state: StatusState.COMPLETED, label: 'Avslutad' },
  REJECTED: { state: StatusState.DECIDED, label: 'Avslag' },
});
export type InterventionCode = (typeof interventionCatalogue.codes)[number];

/** The investigation's states for the child (reading their own page) and for someone acting for them. */
const INVESTIGATION_WORDING: Record<InvestigationCode, Record<OtherReader, string>> = {
  STARTED: { citizen: 'Socialtjänsten har börjat en utredning', representative: 'En utredning har inletts' },
  ONGOING: { citizen: 'Socialtjänsten utreder', representative: 'Utredningen pågår' },
  EXTENDED: { citizen: 'Utredningen har förlängts', representative: 'Utredningen har förlängts' },
  CLOSED: { citizen: 'Utredningen är klar', representative: 'Utredningen är avslutad' },
};

const INTERVENTION_WORDING: Record<InterventionCode, Record<OtherReader, string>> = {
  GRANTED: { citizen: 'Du har fått insatsen beviljad', representative: 'Beviljad för barnet' },
  ENDED: { citizen: 'Insatsen har avslutats', representative: 'Insatsen har avslutats' },
  REJECTED: { citizen: 'Du har fått avslag', representative: 'Ansökan har fått avslag' },
};

/** The label of an investigation state for a reader; an unknown code reads the same to everyone. */
export function investigationLabel(code: string, reader: StatusReader): string {
  const entry = investigationCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return INVESTIGATION_WORDING[code as InvestigationCode][reader.kind];
}

export function interventionLabel(code: string, reader: StatusReader): string {
  const entry = interventionCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return INTERVENTION_WORDING[code as InterventionCode][reader.kind];
}

/** The supports (insatser enligt SoL 4 kap. 1 §) in plain Swedish. */
const KINDS: Record<string, string> = {
  CONTACT_PERSON: 'Kontaktperson',
  CONTACT_FAMILY: 'Kontaktfamilj',
  FAMILY_THERAPY: 'Familjebehandling',
  SUPPORT_TALKS: 'Stödsamtal',
  PARENTING_SUPPORT: 'Föräldrastöd',
  YOUTH_SUPPORT: 'Ungdomsstöd',
};
export const INTERVENTION_KINDS = Object.keys(KINDS);

export function interventionKindLabel(kind: string): string {
  return KINDS[kind] ?? `Annan insats (${kind})`;
}

const CALLBACK_STATES: Record<string, string> = {
  RECEIVED: 'Mottagen, handläggaren ringer upp',
  DONE: 'Handläggaren har ringt upp',
};

export function callbackStateLabel(status: string): string {
  return CALLBACK_STATES[status] ?? `Okänd status (${status})`;
}

/** Why the system refused a callback request, in Swedish for the agent to read aloud. */
const REFUSALS: Record<string, string> = {
  UNKNOWN_CHILD: 'Barnet har inget ärende hos Barn och unga.',
  NO_CASE_OFFICER: 'Barnet har ingen handläggare just nu. Hänvisa till mottagningen på Barn och unga.',
};

export function refusalLabel(reason: string): string {
  return REFUSALS[reason] ?? `Barn och ungas system tog inte emot begäran (${reason}).`;
}

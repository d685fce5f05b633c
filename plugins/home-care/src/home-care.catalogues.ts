import { StatusState, statusCatalogue, type StatusReader } from '@frontdoor/plugin-sdk';

/** Every decision state the home-care system sends, as staff read it (the catalogue's label). */
export const homeCareDecisionCatalogue = statusCatalogue({
  RECEIVED: { state: StatusState.RECEIVED, label: 'Ansökan inkommen' },
  INVESTIGATING: { state: StatusState.IN_PROGRESS, label: 'Utreds' },
  GRANTED: { state: StatusState.DECIDED, label: 'Beviljad' },
  REJECTED: { state: StatusState.DECIDED, label: 'Avslagen' },
  ENDED: { state: StatusState.COMPLETED, label: 'Upphört' },
});
export type DecisionCode = (typeof homeCareDecisionCatalogue.codes)[number];

/** The same states worded for the person themselves and for someone acting for them. */
const WORDING: Record<DecisionCode, Record<Exclude<StatusReader['kind'], 'staff'>, string>> = {
  RECEIVED: { citizen: 'Vi har tagit emot din ansökan', representative: 'Ansökan har kommit in' },
  INVESTIGATING: { citizen: 'Vi utreder din ansökan', representative: 'Ansökan utreds' },
  GRANTED: { citizen: 'Du har hemtjänst', representative: 'Hemtjänst beviljad' },
  REJECTED: { citizen: 'Din ansökan har fått avslag', representative: 'Ansökan har fått avslag' },
  ENDED: { citizen: 'Din hemtjänst har upphört', representative: 'Hemtjänsten har upphört' },
};

/** The label for a decision state and reader; an unknown code reads the same to everyone. */
export function decisionLabel(code: string, reader: StatusReader): string {
  const entry = homeCareDecisionCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return WORDING[code as DecisionCode][reader.kind];
}

/** The granted services (insatser) in plain Swedish. */
const SERVICES: Record<string, string> = {
  PERSONAL_CARE: 'Personlig omvårdnad',
  MEALS: 'Hjälp med måltider',
  MEAL_DELIVERY: 'Matdistribution',
  SHOPPING: 'Inköp',
  CLEANING: 'Städning',
  LAUNDRY: 'Tvätt',
  SAFETY_ALARM: 'Trygghetslarm',
  SUPERVISION: 'Tillsyn',
  ACCOMPANIMENT: 'Ledsagning',
};
export const SERVICE_CODES = Object.keys(SERVICES);

export function serviceLabel(code: string): string {
  return SERVICES[code] ?? `Annan insats (${code})`;
}

const CHANGE_KINDS: Record<string, string> = {
  CHANGE_VISIT_TIME: 'Ändrad besökstid',
  CANCEL_VISIT: 'Avbokat besök',
  PAUSE_VISITS: 'Uppehåll i besöken',
  MESSAGE: 'Meddelande till hemtjänstgruppen',
};

export function changeKindLabel(kind: string): string {
  return CHANGE_KINDS[kind] ?? `Ändringsbegäran (${kind})`;
}

const CHANGE_STATES: Record<string, string> = {
  RECEIVED: 'Mottagen, hemtjänstgruppen hanterar den',
  DONE: 'Genomförd',
  DECLINED: 'Kunde inte genomföras',
};

export function changeStateLabel(status: string): string {
  return CHANGE_STATES[status] ?? `Okänd status (${status})`;
}

/** Why the system refused a change request, in Swedish for the agent to read aloud. */
const REFUSALS: Record<string, string> = {
  UNKNOWN_CLIENT: 'Personen har ingen hemtjänst hos kommunen.',
  NO_GRANTED_DECISION: 'Personen har inget beslut om hemtjänst som gäller nu.',
  UNKNOWN_VISIT: 'Besöket finns inte i hemtjänstens planering. Kontrollera vilket besök det gäller.',
  VISIT_PASSED: 'Besöket har redan varit och kan inte ändras.',
  PAUSE_IN_PAST: 'Uppehållet har redan passerat. Ange dagar från i dag och framåt.',
};

export function refusalLabel(reason: string): string {
  return REFUSALS[reason] ?? `Hemtjänstens system tog inte emot begäran (${reason}).`;
}

import { StatusState, statusCatalogue, type StatusReader } from '@frontdoor/plugin-sdk';

/** Every subscription state the water system sends, as staff read it (the catalogue's label). */
export const waterSubscriptionCatalogue = statusCatalogue({
  APPLIED: { state: StatusState.RECEIVED, label: 'Anmälan inkommen' },
  CONNECTING: { state: StatusState.IN_PROGRESS, label: 'Anslutning pågår' },
  ACTIVE: { state: StatusState.DECIDED, label: 'Aktivt' },
  TERMINATED: { state: StatusState.COMPLETED, label: 'Avslutat' },
});
export type SubscriptionCode = (typeof waterSubscriptionCatalogue.codes)[number];

/** The same states worded for the owner themselves and for someone acting for them. */
const WORDING: Record<SubscriptionCode, Record<Exclude<StatusReader['kind'], 'staff'>, string>> = {
  APPLIED: { citizen: 'Vi har tagit emot din anmälan', representative: 'Anmälan har kommit in' },
  CONNECTING: { citizen: 'Vi ansluter din fastighet', representative: 'Fastigheten ansluts' },
  ACTIVE: { citizen: 'Du har vatten och avlopp från kommunen', representative: 'Abonnemanget är aktivt' },
  TERMINATED: { citizen: 'Ditt abonnemang är avslutat', representative: 'Abonnemanget är avslutat' },
};

/** The label for a subscription state and reader; an unknown code reads the same to everyone. */
export function subscriptionLabel(code: string, reader: StatusReader): string {
  const entry = waterSubscriptionCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return WORDING[code as SubscriptionCode][reader.kind];
}

const SERVICES: Record<string, string> = {
  WATER: 'Dricksvatten',
  WASTEWATER: 'Spillvatten (avlopp)',
  STORMWATER: 'Dagvatten',
};
export function serviceLabel(code: string): string {
  return SERVICES[code] ?? `Annan tjänst (${code})`;
}

const PERIODS: Record<string, string> = {
  MONTHLY: 'varje månad',
  QUARTERLY: 'varje kvartal',
  YEARLY: 'varje år',
};
export function periodLabel(code: string): string {
  return PERIODS[code] ?? `okänd period (${code})`;
}

const READING_SOURCES: Record<string, string> = {
  CUSTOMER: 'avläst av kunden',
  REMOTE: 'fjärravläst',
  ESTIMATED: 'uppskattad',
};
export function readingSourceLabel(code: string): string {
  return READING_SOURCES[code] ?? `okänd källa (${code})`;
}

/** Why the system refused a meter reading, in Swedish for the agent to read aloud. */
const REFUSALS: Record<string, string> = {
  UNKNOWN_METER: 'Mätaren finns inte hos VA-huvudmannen. Kontrollera mätarnumret på mätaren.',
  NOT_OWNER: 'Mätaren hör inte till personens fastighet.',
  LOWER_THAN_LAST:
    'Mätarställningen är lägre än den senaste. Läs av mätaren igen; kontakta VA-kundtjänst om mätaren är bytt.',
  BEFORE_LAST_READING:
    'Avläsningsdatumet är före den senaste avläsningen. Ange datumet då mätaren lästes av nu.',
  DATE_IN_FUTURE: 'Avläsningsdatumet ligger i framtiden. Ange dagens datum eller ett tidigare.',
  SUBSCRIPTION_ENDED: 'Abonnemanget är avslutat; ställningen registreras inte.',
};
export function refusalLabel(reason: string): string {
  return REFUSALS[reason] ?? `VA-systemet tog inte emot mätarställningen (${reason}).`;
}

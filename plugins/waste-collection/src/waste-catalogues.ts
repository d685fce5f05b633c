import { StatusState, statusCatalogue } from '@frontdoor/plugin-sdk';

/** The waste system's subscription codes per bin, as the first line reads them. */
export const wasteSubscriptionCatalogue = statusCatalogue({
  ACTIVE: { state: StatusState.IN_PROGRESS, label: 'Abonnemang aktivt' },
  PAUSED: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Hämtning uppehåll' },
  ENDED: { state: StatusState.COMPLETED, label: 'Abonnemang avslutat' },
});

/** Bin types (kärltyper) in Swedish; an unknown type is shown as sent. */
export const BIN_TYPE_LABELS: Record<string, string> = {
  RESTAVFALL: 'Restavfall',
  MATAVFALL: 'Matavfall',
  TRADGARDSAVFALL: 'Trädgårdsavfall',
  FORPACKNINGAR: 'Förpackningar',
};

/** Emptying intervals (tömningsintervall) in Swedish. */
export const INTERVAL_LABELS: Record<string, string> = {
  WEEKLY: 'varje vecka',
  BIWEEKLY: 'varannan vecka',
  MONTHLY: 'var fjärde vecka',
  SEASONAL: 'under säsong',
};

export const binTypeLabel = (code: string) => BIN_TYPE_LABELS[code] ?? code;
export const intervalLabel = (code: string) => INTERVAL_LABELS[code] ?? code;

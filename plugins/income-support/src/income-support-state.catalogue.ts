import { StatusState, statusCatalogue } from '@frontdoor/plugin-sdk';

/** Every state of an application the income-support system sends, as staff read it. */
export const incomeSupportStateCatalogue = statusCatalogue({
  RECEIVED: { state: StatusState.RECEIVED, label: 'Inkommen' },
  INVESTIGATING: { state: StatusState.IN_PROGRESS, label: 'Under utredning' },
  SUPPLEMENT_REQUESTED: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Komplettering begärd' },
  DECIDED: { state: StatusState.DECIDED, label: 'Beslutad' },
  PAID: { state: StatusState.COMPLETED, label: 'Utbetald' },
});

/** A decision's outcome in Swedish. */
export const OUTCOME_TEXT = {
  GRANTED: 'beviljad',
  PARTLY_GRANTED: 'delvis beviljad',
  REJECTED: 'avslag',
} as const;

import { StatusState, statusCatalogue } from '@frontdoor/plugin-sdk';

/** Every invoice status the invoicing system sends, as the first line reads it. */
export const invoiceStatusCatalogue = statusCatalogue({
  SENT: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Obetald' },
  PARTIALLY_PAID: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Delvis betald' },
  REMINDER: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Påminnelse skickad' },
  DEBT_COLLECTION: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Skickad till inkasso' },
  PAID: { state: StatusState.COMPLETED, label: 'Betald' },
  CREDITED: { state: StatusState.CANCELLED, label: 'Krediterad' },
});

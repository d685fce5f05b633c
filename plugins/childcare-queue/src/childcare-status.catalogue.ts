import { StatusState, statusCatalogue } from '@frontdoor/plugin-sdk';

/** Every status code the childcare queue system sends, as the first line reads it. */
export const childcareStatusCatalogue = statusCatalogue({
  IN_QUEUE: { state: StatusState.IN_PROGRESS, label: 'Står i kö' },
  INCOMPLETE: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Ansökan är inte komplett' },
  OFFERED: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Plats erbjuden' },
  ACCEPTED: { state: StatusState.DECIDED, label: 'Erbjudandet är accepterat' },
  DECLINED: { state: StatusState.CANCELLED, label: 'Erbjudandet är avböjt' },
  PLACED: { state: StatusState.COMPLETED, label: 'Placerad' },
  WITHDRAWN: { state: StatusState.CANCELLED, label: 'Ansökan återkallad' },
});

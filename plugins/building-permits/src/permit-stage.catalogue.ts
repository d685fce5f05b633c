import { StatusState, statusCatalogue } from '@frontdoor/plugin-sdk';

/** Every stage code the permit system sends, as the first line reads it. */
export const permitStageCatalogue = statusCatalogue({
  RECEIVED: { state: StatusState.RECEIVED, label: 'Ansökan inkommen' },
  COMPLETE: { state: StatusState.IN_PROGRESS, label: 'Ansökan komplett' },
  UNDER_REVIEW: { state: StatusState.IN_PROGRESS, label: 'Under handläggning' },
  DECIDED: { state: StatusState.DECIDED, label: 'Beslut fattat' },
  APPEAL_PERIOD: { state: StatusState.DECIDED, label: 'Beslutat, överklagandetid pågår' },
  CLOSED: { state: StatusState.COMPLETED, label: 'Avslutat' },
});

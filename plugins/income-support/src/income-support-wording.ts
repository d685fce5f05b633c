import { isActionUrl, type StatusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import type { IncomeSupportApplicationAnswer } from './income-support-answer.schema';
import { OUTCOME_TEXT, incomeSupportStateCatalogue } from './income-support-state.catalogue';

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2026-12" as "december". */
export function monthName(period: string): string {
  return MONTHS[Number(period.slice(5, 7)) - 1] ?? period;
}

/** The words of one application's status, as one kind of reader reads them. */
type Wording = Pick<StatusItemInput, 'title' | 'label' | 'nextStep' | 'dueDate' | 'action'>;

/** The day the earliest missing document is needed by. */
function firstDueDate(application: IncomeSupportApplicationAnswer): string | undefined {
  return application.missingDocuments.map((d) => d.requestedBy).sort()[0];
}

/** "Kontoutdrag …, hyresavi …": what is missing, in one line. */
function missingList(application: IncomeSupportApplicationAnswer): string {
  return application.missingDocuments
    .map((d, i) => (i === 0 ? d.description : d.description.charAt(0).toLowerCase() + d.description.slice(1)))
    .join(', ');
}

/** A link only from what the system gave and the SDK accepts; a bad link leaves the link out, never the matter. */
function link(label: string, url: string | undefined): Pick<StatusItemInput, 'action'> {
  return url && isActionUrl(url) ? { action: { label, url } } : {};
}

/** Staff read a short status and what happens next: "Beslutad: beviljad", "Utbetalning planerad 2026-12-01". */
function forStaff(application: IncomeSupportApplicationAnswer): Wording {
  const month = monthName(application.period);
  const title = `Försörjningsstöd ${month} ${application.period.slice(0, 4)}`;
  const { label } = incomeSupportStateCatalogue.lookup(application.state);
  const { decision, payment } = application;
  switch (application.state) {
    case 'RECEIVED':
      return { title, label, nextStep: 'Väntar på att en handläggare börjar utreda' };
    case 'INVESTIGATING':
      return { title, label, nextStep: 'Handläggaren utreder ansökan' };
    case 'SUPPLEMENT_REQUESTED': {
      const dueDate = firstDueDate(application);
      return {
        title,
        label,
        nextStep: `Saknas: ${missingList(application)}${dueDate ? ` (senast ${dueDate})` : ''}`,
        ...(dueDate ? { dueDate } : {}),
      };
    }
    case 'DECIDED':
      if (!decision) return { title, label };
      return {
        title,
        label: `${label}: ${OUTCOME_TEXT[decision.outcome]}`,
        nextStep:
          decision.outcome !== 'REJECTED' && payment
            ? `Utbetalning planerad ${payment.plannedDate}`
            : 'Beslutet och hur det överklagas finns i e-tjänsten',
      };
    case 'PAID':
      return {
        title,
        label,
        ...(payment?.paidAt ? { nextStep: `Utbetald ${payment.paidAt.slice(0, 10)}` } : {}),
      };
    default:
      return { title, label };
  }
}

/**
 * The person themselves ("Din ansökan för december är beviljad. Pengarna sätts in 2026-12-18.")
 * or someone acting for them ("Ansökan för december …"): whole sentences, with where to act.
 */
function forPerson(application: IncomeSupportApplicationAnswer, own: boolean): Wording {
  const month = monthName(application.period);
  const yours = own ? 'Din ansökan' : 'Ansökan';
  const title = `${yours} om försörjningsstöd för ${month}`;
  const { decision, payment, eServiceUrl } = application;
  switch (application.state) {
    case 'RECEIVED':
      return {
        title,
        label: own ? 'Vi har tagit emot din ansökan.' : 'Ansökan har kommit in.',
        nextStep: 'En handläggare börjar utreda den. Kommunen hör av sig om något saknas.',
      };
    case 'INVESTIGATING':
      return {
        title,
        label: own ? 'Vi utreder din ansökan.' : 'Ansökan utreds.',
        nextStep: 'Kommunen hör av sig om något saknas.',
      };
    case 'SUPPLEMENT_REQUESTED': {
      const dueDate = firstDueDate(application);
      const missing = missingList(application);
      return {
        title,
        label: own ? 'Vi behöver fler handlingar från dig.' : 'Handlingar saknas.',
        nextStep: `Skicka in: ${missing}${dueDate ? `, senast ${dueDate}` : ''}.`,
        ...(dueDate ? { dueDate } : {}),
        ...link('Skicka in handlingar', eServiceUrl),
      };
    }
    case 'DECIDED': {
      if (!decision) return { title, label: `${yours} för ${month} är beslutad.` };
      const paid =
        decision.outcome !== 'REJECTED' && payment ? ` Pengarna sätts in ${payment.plannedDate}.` : '';
      const outcome =
        decision.outcome === 'REJECTED' ? 'har fått avslag' : `är ${OUTCOME_TEXT[decision.outcome]}`;
      return {
        title,
        label: `${yours} för ${month} ${outcome}.${paid}`,
        nextStep:
          decision.outcome === 'REJECTED'
            ? 'Beslutet och hur du överklagar det finns i e-tjänsten.'
            : 'Beslutet finns i e-tjänsten.',
        ...link('Läs beslutet', eServiceUrl),
      };
    }
    case 'PAID':
      return {
        title,
        label: payment?.paidAt
          ? `Pengarna för ${month} sattes in ${payment.paidAt.slice(0, 10)}.`
          : `Pengarna för ${month} är utbetalda.`,
      };
    default:
      return { title, label: incomeSupportStateCatalogue.lookup(application.state).label };
  }
}

/** One application's status words for this reader; never the decided amount (a secret field). */
export function wordingFor(application: IncomeSupportApplicationAnswer, reader: StatusReader): Wording {
  return reader.kind === 'staff' ? forStaff(application) : forPerson(application, reader.kind === 'citizen');
}

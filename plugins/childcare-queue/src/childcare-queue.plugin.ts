import { z } from 'zod';
import { apiPath, definePlugin, isActionUrl, type StatusItemInput } from '@frontdoor/plugin-sdk';
import {
  childcareAnswer,
  type ChildcareAnswer,
  type ChildcareApplicationAnswer,
} from './childcare-answer.schema';
import { childcareStatusCatalogue } from './childcare-status.catalogue';
import { ChildcareQueue } from './childcare-queue.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const childcareQueueConfig = z.object({}).strict();
export type ChildcareQueueConfig = z.infer<typeof childcareQueueConfig>;

function nextStepFor(
  application: ChildcareApplicationAnswer,
  today: string,
): { nextStep?: string; dueDate?: string } {
  const { offer } = application;
  switch (application.status) {
    case 'OFFERED':
      if (!offer) return {};
      if (offer.answered)
        return {
          nextStep: `Svar (${offer.answer === 'YES' ? 'ja' : 'nej'}) mottaget; placeringen bekräftas av förskolan`,
        };
      if (offer.answerBy < today)
        return { nextStep: `Svarstiden gick ut ${offer.answerBy}`, dueDate: offer.answerBy };
      return { nextStep: `Svara på erbjudandet senast ${offer.answerBy}`, dueDate: offer.answerBy };
    case 'IN_QUEUE':
      return {
        nextStep: `Plats ${application.queuePosition ?? '–'} i kön, önskat startdatum ${application.wishedStartDate}`,
      };
    case 'INCOMPLETE':
      return { nextStep: 'Komplettera ansökan i e-tjänsten' };
    case 'ACCEPTED':
      return {
        nextStep: `Start ${offer?.startDate ?? application.wishedStartDate} på ${offer?.unitName ?? 'förskolan'}`,
      };
    default:
      return {};
  }
}

/**
 * Where the guardian does what the next step asks: answer an open offer, complete an incomplete
 * application. Only from a link the system gave that the SDK accepts (https): a bad link leaves
 * the link out, never the matter, and the next step still says what to do.
 */
function actionFor(application: ChildcareApplicationAnswer, today: string): Pick<StatusItemInput, 'action'> {
  const { offer } = application;
  const link = (label: string, url: string | undefined) =>
    url && isActionUrl(url) ? { action: { label, url } } : {};
  switch (application.status) {
    case 'OFFERED':
      if (!offer || offer.answered || offer.answerBy < today) return {};
      return link('Svara på erbjudandet', offer.answerUrl ?? application.eServiceUrl);
    case 'INCOMPLETE':
      return link('Komplettera ansökan', application.eServiceUrl);
    default:
      return {};
  }
}

export function childcareStatuses(answer: ChildcareAnswer | null, today: string): StatusItemInput[] {
  if (!answer) return [];
  return answer.applications.map((application) => {
    const { state, label } = childcareStatusCatalogue.lookup(application.status);
    return {
      kind: 'childcare-application',
      reference: application.applicationId,
      title: `Förskoleplats för ${application.child.firstName}`,
      state,
      label,
      updatedAt: new Date(application.updatedAt),
      ...nextStepFor(application, today),
      ...actionFor(application, today),
    };
  });
}

export function childcareDetail(answer: ChildcareAnswer | null): ChildcareQueue | null {
  if (!answer) return null;
  return {
    applications: answer.applications.map((application) => {
      const { state, label } = childcareStatusCatalogue.lookup(application.status);
      return {
        applicationId: application.applicationId,
        childFirstName: application.child.firstName,
        childPersonalNumber: application.child.personalNumber,
        submittedAt: new Date(application.submittedAt),
        wishedStartDate: application.wishedStartDate,
        queuePosition: application.queuePosition,
        statusCode: application.status,
        state,
        label,
        preferredUnits: [...application.preferredUnits].sort((a, b) => a.rank - b.rank),
        offer: application.offer
          ? {
              unitName: application.offer.unitName,
              startDate: application.offer.startDate,
              answerBy: application.offer.answerBy,
              answered: application.offer.answered,
              answer: application.offer.answer,
            }
          : null,
      };
    }),
  };
}

/** The childcare queue (barnomsorgskö / förskola): applications, queue positions and offers per guardian. */
export const childcareQueuePlugin = definePlugin({
  id: 'childcare-queue',
  department: 'Förskola',
  version: '1.0.0',
  sdk: '^4.1',
  config: childcareQueueConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/guardians/${person.personalNumber}/applications`, {
        notFoundMeansNone: true,
      }),
    answer: childcareAnswer,
    statuses: childcareStatuses,
    detail: {
      field: 'childcareQueue',
      description: 'The person’s applications in the childcare queue, as a guardian.',
      type: () => ChildcareQueue,
      map: childcareDetail,
      mandate: 1,
    },
    // Which preschool a child goes to, or is offered, tells where the family is.
    whereabouts: ['applications.*.preferredUnits.*.name', 'applications.*.offer.unitName'],
    placeIds: ['applications.*.preferredUnits.*.unitId', 'applications.*.offer.unitId'],
  },
});

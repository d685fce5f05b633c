import { z } from 'zod';
import { apiPath, definePlugin, type StatusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import { incomeSupportAnswer, type IncomeSupportAnswer } from './income-support-answer.schema';
import { OUTCOME_TEXT, incomeSupportStateCatalogue } from './income-support-state.catalogue';
import { IncomeSupport, IncomeSupportDecisions } from './income-support.types';
import { wordingFor } from './income-support-wording';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const incomeSupportConfig = z.object({}).strict();

/** The kind of its status items; that a person receives income support is itself secret. */
export const INCOME_SUPPORT_APPLICATION = 'income-support-application';

const STAFF: StatusReader = { kind: 'staff' };

export function incomeSupportStatuses(
  answer: IncomeSupportAnswer | null,
  _today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  return answer.applications.map((application) => ({
    kind: INCOME_SUPPORT_APPLICATION,
    reference: application.applicationId,
    state: incomeSupportStateCatalogue.lookup(application.state).state,
    updatedAt: new Date(application.updatedAt),
    ...wordingFor(application, reader),
  }));
}

/** The applications without their amounts: what the first line may read at level 2. */
export function incomeSupportDetail(answer: IncomeSupportAnswer | null): IncomeSupport | null {
  if (!answer) return null;
  return {
    caseFileNumber: answer.caseFileNumber,
    applications: answer.applications.map((application) => {
      const { state, label } = incomeSupportStateCatalogue.lookup(application.state);
      return {
        applicationId: application.applicationId,
        period: application.period,
        receivedAt: new Date(application.receivedAt),
        stateCode: application.state,
        state,
        label,
        missingDocuments: application.missingDocuments.map(({ description, requestedBy }) => ({
          description,
          requestedBy,
        })),
        outcome: application.decision ? OUTCOME_TEXT[application.decision.outcome] : null,
        plannedPaymentDate: application.payment?.plannedDate ?? null,
        paidAt: application.payment?.paidAt ? new Date(application.payment.paidAt) : null,
      };
    }),
  };
}

/** The decisions with their amounts: secret beyond the status, level 4. */
export function incomeSupportDecisions(answer: IncomeSupportAnswer | null): IncomeSupportDecisions | null {
  if (!answer) return null;
  return {
    decisions: answer.applications.flatMap(({ applicationId, period, decision }) =>
      decision
        ? [
            {
              applicationId,
              period,
              decidedAt: new Date(decision.decidedAt),
              outcome: OUTCOME_TEXT[decision.outcome],
              decidedAmountSek: decision.amountSek,
            },
          ]
        : [],
    ),
  };
}

/**
 * Income support (försörjningsstöd, ekonomiskt bistånd) under social-services secrecy (OSL 26:1):
 * the month's application, its state, missing documents, the planned payment date (level 2),
 * and the decided amount (level 4, a secret field never in a status text).
 */
export const incomeSupportPlugin = definePlugin({
  id: 'income-support',
  department: 'Försörjningsstöd',
  version: '1.0.0',
  sdk: '^4.2',
  secrecy: { class: 'secrecy', statute: 'OSL 26:1' },
  config: incomeSupportConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/clients/${person.personalNumber}/applications`, {
        notFoundMeansNone: true,
      }),
    answer: incomeSupportAnswer,
    statuses: incomeSupportStatuses,
    // That someone receives income support at all needs more than information (level 1).
    statusLevels: { [INCOME_SUPPORT_APPLICATION]: 2 },
    details: [
      {
        field: 'incomeSupport',
        description: 'The person’s income-support applications: state, missing documents, payment date.',
        type: () => IncomeSupport,
        map: incomeSupportDetail,
        mandate: 2,
      },
      {
        field: 'incomeSupportDecisions',
        description: 'The person’s income-support decisions with the decided amounts.',
        type: () => IncomeSupportDecisions,
        map: incomeSupportDecisions,
        mandate: 4,
      },
    ],
    secretFields: ['applications.*.decision.amountSek'],
    // Nothing in the answer says where the person lives or stays.
    whereabouts: [],
    placeIds: [],
  },
});

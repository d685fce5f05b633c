import { z } from 'zod';
import { apiPath, definePlugin } from '@frontdoor/plugin-sdk';
import { callbackOutcome, childYouthAnswer } from './child-youth-answer.schema';
import { callbackRequestInput } from './callback-request.input';
import { refusalLabel } from './child-youth.catalogues';
import {
  INTERVENTION,
  INVESTIGATION,
  childYouthDecisions,
  childYouthDetail,
  childYouthStatuses,
  closedToGuardians,
} from './child-youth.mapping';
import {
  ChildYouth,
  ChildYouthCallbackInput,
  ChildYouthCallbackReceipt,
  ChildYouthDecisions,
} from './child-youth.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const childYouthConfig = z.object({}).strict();

/**
 * Barn och unga (insatser för barn och unga), under social-services secrecy (OSL 26 kap. 1 §):
 * the child's investigations and supports, the case officer and a callback from the officer.
 * A matter marked "sekretess mot vårdnadshavare" closes the department to guardians and ombud
 * (`closedToRepresentatives`, SDK 4.4): the hub withholds it, not the mapping.
 */
export const childYouthPlugin = definePlugin({
  id: 'child-youth',
  department: 'Barn och unga',
  version: '1.0.0',
  sdk: '^4.4',
  secrecy: { class: 'secrecy', statute: 'OSL 26:1' },
  config: childYouthConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/children/${person.personalNumber}/matters`, { notFoundMeansNone: true }),
    answer: childYouthAnswer,
    statuses: childYouthStatuses,
    // That a child is investigated or has support needs more than information (level 1).
    statusLevels: { [INVESTIGATION]: 2, [INTERVENTION]: 2 },
    details: [
      {
        field: 'childYouth',
        description:
          'The child’s investigations and supports at Barn och unga, the case officer with phone hours, and callbacks asked for.',
        type: () => ChildYouth,
        map: childYouthDetail,
        mandate: 2,
      },
      {
        field: 'childYouthDecisions',
        description: 'The decisions on the child’s supports with their grounds and who carries them out.',
        type: () => ChildYouthDecisions,
        map: childYouthDecisions,
        mandate: 4,
      },
    ],
    secretFields: ['interventions.*.decisionReason'],
    closedToRepresentatives: closedToGuardians,
    // A contact family's or a placement's home is where the child stays; the officer's work phone is not.
    whereabouts: [
      'interventions.*.provider.name',
      'interventions.*.provider.street',
      'interventions.*.provider.postalCode',
      'interventions.*.provider.city',
    ],
    placeIds: ['interventions.*.provider.placeId'],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'requestCaseOfficerCallback',
      description:
        'Asks the child’s case officer at Barn och unga to call back (be handläggaren ringa upp): the number and what it is about.',
      mandate: 3,
      inputType: () => ChildYouthCallbackInput,
      input: callbackRequestInput,
      type: () => ChildYouthCallbackReceipt,
      // The hub sends the client's idempotency key: a retry never asks for two callbacks.
      run: ({ http }, { personalNumber, ...request }) =>
        http.postJson(apiPath`api/v1/children/${personalNumber}/callback-requests`, request),
      answer: callbackOutcome,
      map: (outcome) =>
        outcome.outcome === 'RECEIVED'
          ? {
              accepted: true,
              requestId: outcome.request.requestId,
              label: `Handläggaren ${outcome.officerName} ringer upp ${outcome.request.callbackNumber} (${outcome.request.requestId}).`,
            }
          : { accepted: false, requestId: null, label: refusalLabel(outcome.reason) },
      subjects: (input) => [input.personalNumber],
    }),
  ],
});

import { z } from 'zod';
import { apiPath, definePlugin } from '@frontdoor/plugin-sdk';
import { chimneySweepAnswer } from './chimney-sweep-answer.schema';
import { chimneySweepDetail, chimneySweepStatuses } from './chimney-sweep.mapping';
import { ChimneySweep } from './chimney-sweep.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const chimneySweepConfig = z.object({}).strict();
export type ChimneySweepConfig = z.infer<typeof chimneySweepConfig>;

/**
 * Sotning och brandskyddskontroll (LSO 3 kap. 4 §): for each of the owner's fireplaces the next
 * sweep or fire-safety inspection and the last protocol's remarks. Read only: a visit is moved
 * with the contractor, whose phone the answer gives.
 */
export const chimneySweepPlugin = definePlugin({
  id: 'chimney-sweep',
  department: 'Sotning och brandskyddskontroll',
  version: '1.0.0',
  sdk: '^4.2',
  config: chimneySweepConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/owners/${person.personalNumber}/properties`, { notFoundMeansNone: true }),
    answer: chimneySweepAnswer,
    statuses: (answer, today, reader) => chimneySweepStatuses(answer, today, reader),
    detail: {
      field: 'chimneySweep',
      description:
        'Chimney sweeping and fire-safety inspection: each property’s fireplaces, next visit, last protocol and its remarks.',
      type: () => ChimneySweep,
      map: chimneySweepDetail,
      // Above the status: the remarks and the property are more than whether a visit is due.
      mandate: 2,
    },
    // The property is where the owner lives; a fireplace's id leads to it in the sweep register.
    // The contractor's name and phone say how to reach the sweep, not where the owner is.
    whereabouts: [
      'properties.*.designation',
      'properties.*.address.street',
      'properties.*.address.postalCode',
      'properties.*.address.city',
    ],
    placeIds: ['properties.*.propertyId', 'properties.*.installations.*.installationId'],
  },
});

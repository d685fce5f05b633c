import { z } from 'zod';
import { apiPath, definePlugin } from '@frontdoor/plugin-sdk';
import { fineReviewInput } from './fine-review.input';
import { parkingAnswer, reviewOutcome } from './parking-answer.schema';
import { refusalLabel, reviewReasonLabel } from './parking.catalogues';
import { parkingDetail, parkingStatuses } from './parking.mapping';
import { Parking, ParkingFineReviewInput, ParkingFineReviewReceipt } from './parking.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const parkingConfig = z.object({}).strict();
export type ParkingConfig = z.infer<typeof parkingConfig>;

/**
 * Parking (Parkering): residents' parking permits (boendeparkering) and parking fines
 * (felparkeringsavgift), and requests for a fine's review (omprövning).
 */
export const parkingPlugin = definePlugin({
  id: 'parking',
  department: 'Parkering',
  version: '1.0.0',
  sdk: '^4.2',
  secrecy: { class: 'personal' },
  config: parkingConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/persons/${person.personalNumber}`, { notFoundMeansNone: true }),
    answer: parkingAnswer,
    statuses: (answer, today, reader) => parkingStatuses(answer, today, reader),
    detail: {
      field: 'parking',
      description: 'The person’s residents’ parking permits and parking fines, with reviews.',
      type: () => Parking,
      map: (answer) => parkingDetail(answer),
      // Vehicles, where they stood and what is owed: more than whether there is a matter.
      mandate: 2,
    },
    // A residents' zone follows the home address; a fine's place is often outside the home.
    whereabouts: ['permits.*.zone', 'fines.*.location'],
    placeIds: [],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'requestParkingFineReview',
      description: 'Asks the parking unit to review (ompröva) a parking fine, with the owner’s account.',
      mandate: 3,
      inputType: () => ParkingFineReviewInput,
      input: fineReviewInput,
      type: () => ParkingFineReviewReceipt,
      // The hub sends the client's idempotency key with the request: a retry never files it twice.
      run: ({ http }, { fineId, ...request }) =>
        http.postJson(apiPath`api/v1/fines/${fineId}/reviews`, request),
      answer: reviewOutcome,
      map: (outcome) =>
        outcome.outcome === 'RECEIVED'
          ? {
              accepted: true,
              reviewId: outcome.review.reviewId,
              label: `Begäran om omprövning av ${outcome.fineId} är mottagen (${outcome.review.reviewId}): ${reviewReasonLabel(outcome.review.reason)}. Avgiften behöver inte betalas förrän omprövningen är klar.`,
            }
          : { accepted: false, reviewId: null, label: refusalLabel(outcome.reason) },
      subjects: (input) => [input.personalNumber],
    }),
  ],
});

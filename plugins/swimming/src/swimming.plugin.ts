import { z } from 'zod';
import { apiPath, definePlugin } from '@frontdoor/plugin-sdk';
import { cancellationInput } from './cancellation.input';
import { cancellationOutcome, swimmingAnswer } from './swimming-answer.schema';
import { refusalLabel } from './swimming.catalogues';
import { swimmingDetail, swimmingStatuses } from './swimming.mapping';
import { SwimBookingCancellationInput, SwimBookingCancellationReceipt, Swimming } from './swimming.types';
import { sessionTime } from './session-time';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const swimmingConfig = z.object({}).strict();
export type SwimmingConfig = z.infer<typeof swimmingConfig>;

/**
 * Baths and swim school (Badhus och simskola): the swim-school queue with the group offered,
 * bookings at the baths, and cancelling a booking.
 */
export const swimmingPlugin = definePlugin({
  id: 'swimming',
  department: 'Badhus och simskola',
  version: '1.0.0',
  sdk: '^4.2',
  secrecy: { class: 'personal' },
  config: swimmingConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/customers/${person.personalNumber}`, { notFoundMeansNone: true }),
    answer: swimmingAnswer,
    statuses: (answer, today, reader) => swimmingStatuses(answer, today, reader),
    detail: {
      field: 'swimming',
      description: 'The swim-school queue places with the group offered, and bookings at the baths.',
      type: () => Swimming,
      map: swimmingDetail,
      mandate: 2,
    },
    // A bath or a swim-school group is a public place, not where anyone lives.
    whereabouts: [],
    placeIds: [],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'cancelSwimBooking',
      description:
        'Cancels a booking at the baths (a swim-school term, a class or a session) for the booker.',
      mandate: 3,
      inputType: () => SwimBookingCancellationInput,
      input: cancellationInput,
      type: () => SwimBookingCancellationReceipt,
      // The hub sends the client's idempotency key with the request: a retry never cancels twice.
      run: ({ http }, { bookingId, ...cancellation }) =>
        http.postJson(apiPath`api/v1/bookings/${bookingId}/cancellation`, cancellation),
      answer: cancellationOutcome,
      map: (outcome) =>
        outcome.outcome === 'CANCELLED'
          ? {
              accepted: true,
              bookingId: outcome.booking.bookingId,
              label: `Avbokat: ${outcome.booking.activity} för ${outcome.booking.participant.firstName}, ${outcome.booking.facility} ${sessionTime(outcome.booking.date, outcome.booking.from, outcome.booking.to)} (${outcome.booking.bookingId}).`,
            }
          : { accepted: false, bookingId: null, label: refusalLabel(outcome.reason) },
      subjects: (input) => [input.personalNumber],
    }),
  ],
});

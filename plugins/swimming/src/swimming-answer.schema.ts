import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
const moment = z.iso.datetime({ offset: true });
// Codes the catalogues do not know are still matters to show; so: any string.
const code = z.string().min(1);

/** Who swims: the booker or, usually, the booker's child. A first name only, no personal number. */
const participant = z.object({ firstName: z.string().min(1), birthYear: z.number().int() });

/** The group the swim school offers from the queue. */
export const swimOffer = z.object({
  groupId: z.string().min(1),
  groupName: z.string().min(1),
  facility: z.string().min(1),
  weekday: z.string().min(1),
  time: clockTime,
  startDate: isoDate,
  answerBy: isoDate,
});

/** A place in the swim-school queue (simskolekö). */
export const swimQueueEntry = z.object({
  queueId: z.string().min(1),
  participant,
  course: z.string().min(1),
  status: code,
  /** Place in the queue while waiting; null once offered or out of the queue. */
  place: z.number().int().positive().nullable(),
  joinedAt: moment,
  offer: swimOffer.nullable(),
  updatedAt: moment,
});

/** A booking at the baths: a swim-school term, a class or a session. */
export const swimBooking = z.object({
  bookingId: z.string().min(1),
  participant,
  activity: z.string().min(1),
  facility: z.string().min(1),
  date: isoDate,
  from: clockTime,
  to: clockTime,
  status: code,
  priceSek: z.number().int().nonnegative(),
  updatedAt: moment,
});

/** What the bath system answers for one booker (one resource, validated by the hub before mapping). */
export const swimmingAnswer = z.object({
  personalNumber: z.string(),
  queue: z.array(swimQueueEntry),
  bookings: z.array(swimBooking),
});

export type SwimmingAnswer = z.infer<typeof swimmingAnswer>;
export type SwimQueueEntryAnswer = z.infer<typeof swimQueueEntry>;
export type SwimBookingAnswer = z.infer<typeof swimBooking>;

/** What the system answers to a cancellation: done, or refused with its reason. */
export const cancellationOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('CANCELLED'), booking: swimBooking }),
  z.object({ outcome: z.literal('REFUSED'), reason: code }),
]);
export type CancellationOutcome = z.infer<typeof cancellationOutcome>;

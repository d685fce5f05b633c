import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const moment = z.iso.datetime({ offset: true });
// Codes the catalogues do not know are still matters to show; so: any string.
const code = z.string().min(1);

/** A residents' parking permit (boendeparkering), or the application for one. */
export const parkingPermit = z.object({
  permitId: z.string().min(1),
  status: code,
  /** The residents' parking zone: it follows the home address, so it says where the person lives. */
  zone: z.string().min(1),
  vehicle: z.string().min(1),
  appliedAt: moment,
  decidedAt: moment.nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  updatedAt: moment,
});

/** A request for review (omprövning) of a fine. */
export const fineReview = z.object({
  reviewId: z.string().min(1),
  status: code,
  reason: code,
  requestedAt: moment,
  decidedAt: moment.nullable(),
});

/** A parking fine (felparkeringsavgift) issued to a vehicle the person owns. */
export const parkingFine = z.object({
  fineId: z.string().min(1),
  status: code,
  vehicle: z.string().min(1),
  issuedAt: moment,
  /** Where the car stood: often outside the person's home, so whereabouts too. */
  location: z.string().min(1),
  amountSek: z.number().int().positive(),
  dueDate: isoDate,
  ocr: z.string().regex(/^\d{2,25}$/),
  bankgiro: z.string().regex(/^\d{3,4}-\d{4}$/),
  review: fineReview.nullable(),
  updatedAt: moment,
});

/** What the parking system answers for one person (one resource, validated by the hub before mapping). */
export const parkingAnswer = z.object({
  personalNumber: z.string(),
  permits: z.array(parkingPermit),
  fines: z.array(parkingFine),
});

export type ParkingAnswer = z.infer<typeof parkingAnswer>;
export type ParkingPermitAnswer = z.infer<typeof parkingPermit>;
export type ParkingFineAnswer = z.infer<typeof parkingFine>;
export type FineReviewAnswer = z.infer<typeof fineReview>;

/** What the system answers to a review request: taken, or refused with its reason. */
export const reviewOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('RECEIVED'), fineId: z.string().min(1), review: fineReview }),
  z.object({ outcome: z.literal('REFUSED'), reason: code }),
]);
export type ReviewOutcome = z.infer<typeof reviewOutcome>;

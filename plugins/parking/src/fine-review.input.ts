import { z } from 'zod';

export const REVIEW_REASON_CODES = [
  'SIGN_UNCLEAR',
  'PERMIT_VALID',
  'VEHICLE_SOLD',
  'VEHICLE_STOLEN',
  'OTHER',
] as const;

/**
 * A review request as the agent enters it, with Swedish messages naming what is wrong. The
 * output is exactly what the parking system takes.
 */
export const fineReviewInput = z.object({
  personalNumber: z.string().regex(/^\d{12}$/, 'ange personnumret med tolv siffror, ÅÅÅÅMMDDNNNN'),
  fineId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^FP-\d{4}-\d{6}$/, 'ange avgiftens nummer som på avgiften, till exempel FP-2026-004711'),
  reason: z.enum(REVIEW_REASON_CODES, {
    error:
      'välj SIGN_UNCLEAR (skyltning), PERMIT_VALID (tillstånd fanns), VEHICLE_SOLD (såld), VEHICLE_STOLEN (stulen) eller OTHER',
  }),
  message: z
    .string()
    .trim()
    .min(10, 'beskriv vad som hände (minst tio tecken)')
    .max(2000, 'beskrivningen får vara högst 2000 tecken'),
});

export type FineReview = z.output<typeof fineReviewInput>;

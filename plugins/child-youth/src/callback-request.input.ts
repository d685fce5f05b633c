import { z } from 'zod';

/** A Swedish phone number as people say it: 070-123 45 67, 0910-73 50 00, +46 70 123 45 67. */
const SWEDISH_PHONE = /^(\+46|0)[1-9][0-9]{5,11}$/;

/**
 * A callback request as the agent enters it, with Swedish messages naming what is wrong. The
 * number is sent as digits (spaces and dashes taken out), so the officer's system can dial it.
 */
export const callbackRequestInput = z
  .object({
    personalNumber: z.string().regex(/^\d{12}$/, 'ange barnets personnummer med tolv siffror, ÅÅÅÅMMDDNNNN'),
    callbackNumber: z
      .string()
      .transform((number) => number.replace(/[\s-]/g, ''))
      .pipe(
        z
          .string()
          .regex(SWEDISH_PHONE, 'ange ett svenskt telefonnummer att ringa upp, till exempel 070-123 45 67'),
      ),
    message: z
      .string()
      .trim()
      .min(3, 'skriv kort vad samtalet gäller (minst tre tecken)')
      .max(500, 'meddelandet får vara högst 500 tecken'),
  })
  .strict();

export type CallbackRequest = z.output<typeof callbackRequestInput>;

import { z } from 'zod';

/**
 * A cancellation as the agent enters it, with Swedish messages naming what is wrong. The
 * output is exactly what the bath system takes.
 */
export const cancellationInput = z
  .object({
    personalNumber: z.string().regex(/^\d{12}$/, 'ange personnumret med tolv siffror, ÅÅÅÅMMDDNNNN'),
    bookingId: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^SB-\d{4}-\d{5}$/, 'ange bokningsnumret som i bekräftelsen, till exempel SB-2026-88120'),
    reason: z.string().trim().max(500, 'anledningen får vara högst 500 tecken').nullish(),
  })
  .transform((input) => ({
    personalNumber: input.personalNumber,
    bookingId: input.bookingId,
    reason: input.reason ? input.reason : null,
  }));

export type Cancellation = z.output<typeof cancellationInput>;

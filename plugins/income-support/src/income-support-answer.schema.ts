import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/**
 * What the income-support system answers for an applicant: the household's monthly
 * applications. Validated by the hub before any mapping runs, so a system that changes its
 * answer shows as SOURCE_INVALID_RESPONSE, never as a wrong payment date read aloud.
 */
export const incomeSupportAnswer = z.object({
  clientPersonalNumber: z.string(),
  caseFileNumber: z.string().min(1),
  applications: z.array(
    z.object({
      applicationId: z.string().min(1),
      period,
      receivedAt: z.iso.datetime({ offset: true }),
      updatedAt: z.iso.datetime({ offset: true }),
      // A state the catalogue does not know is still a matter to show; so: any string.
      state: z.string().min(1),
      missingDocuments: z.array(
        z.object({ documentType: z.string(), description: z.string().min(1), requestedBy: isoDate }),
      ),
      decision: z
        .object({
          decidedAt: z.iso.datetime({ offset: true }),
          outcome: z.enum(['GRANTED', 'PARTLY_GRANTED', 'REJECTED']),
          amountSek: z.number().int().min(0),
        })
        .nullable(),
      payment: z
        .object({ plannedDate: isoDate, paidAt: z.iso.datetime({ offset: true }).nullable() })
        .nullable(),
      // Optional: a system without an e-service sends none.
      eServiceUrl: z.string().optional(),
    }),
  ),
});

export type IncomeSupportAnswer = z.infer<typeof incomeSupportAnswer>;
export type IncomeSupportApplicationAnswer = IncomeSupportAnswer['applications'][number];

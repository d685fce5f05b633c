import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

/**
 * What the childcare queue system answers for a guardian. Validated by the hub before
 * any mapping runs: a field the system stops sending shows as SOURCE_INVALID_RESPONSE,
 * not as a wrong answer read aloud to a parent.
 */
export const childcareAnswer = z.object({
  guardianPersonalNumber: z.string(),
  applications: z.array(
    z.object({
      applicationId: z.string().min(1),
      child: z.object({ personalNumber: z.string(), firstName: z.string() }),
      submittedAt: z.iso.datetime({ offset: true }),
      updatedAt: z.iso.datetime({ offset: true }),
      wishedStartDate: isoDate,
      queuePosition: z.number().int().positive().nullable(),
      // A code the catalogue does not know is still a matter to show; so: any string.
      status: z.string().min(1),
      preferredUnits: z.array(
        z.object({ unitId: z.string(), name: z.string(), rank: z.number().int().positive() }),
      ),
      // Optional: older versions of the system send no e-service links.
      eServiceUrl: z.string().optional(),
      offer: z
        .object({
          unitId: z.string(),
          unitName: z.string(),
          startDate: isoDate,
          answerBy: isoDate,
          answered: z.boolean(),
          answer: z.enum(['YES', 'NO']).nullable(),
          answerUrl: z.string().optional(),
        })
        .nullable(),
    }),
  ),
});

export type ChildcareAnswer = z.infer<typeof childcareAnswer>;
export type ChildcareApplicationAnswer = ChildcareAnswer['applications'][number];

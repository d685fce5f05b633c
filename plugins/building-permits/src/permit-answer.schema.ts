import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

/** Diarienummer as the building committee writes it, e.g. "BN 2026-000123". */
export const CASE_NUMBER = /^[A-ZÅÄÖ]{2,4} \d{4}-\d{6}$/;

export const permitCase = z.object({
  caseNumber: z.string().regex(CASE_NUMBER),
  applicantPersonalNumber: z.string().regex(/^\d{12}$/),
  propertyDesignation: z.string().min(1),
  description: z.string().min(1),
  stage: z.string().min(1),
  receivedDate: isoDate,
  completeDate: isoDate.nullable(),
  decisionExtended: z.boolean(),
  decisionDate: isoDate.nullable(),
  decision: z.enum(['GRANTED', 'REFUSED']).nullable(),
  appealPeriodEnds: isoDate.nullable(),
  missingDocuments: z.array(z.object({ name: z.string().min(1), requestedDate: isoDate })),
  caseOfficer: z.object({ name: z.string(), phone: z.string() }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PermitCase = z.infer<typeof permitCase>;

export const applicantCases = z.object({ cases: z.array(permitCase) });
export type ApplicantCases = z.infer<typeof applicantCases>;

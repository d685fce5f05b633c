import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const moment = z.iso.datetime({ offset: true });
const personalNumber = z.string().regex(/^\d{12}$/);
// Codes the catalogues do not know are still absences to show; so: any string.
const code = z.string().min(1);

/** One registered absence (frånvaro) of a pupil: the day, which part of it, who reported it and when. */
export const absence = z.object({
  absenceId: z.string().min(1),
  date: isoDate,
  /** FULL_DAY (heldag), MORNING (förmiddag), AFTERNOON (eftermiddag). */
  partOfDay: code,
  /** SICK (sjukanmälan) or another reason the school registered. */
  reason: code,
  reportedBy: personalNumber,
  reportedByName: z.string().min(1),
  reportedAt: moment,
});

/** The pupil's placement: school and class. */
export const pupil = z.object({
  personalNumber,
  givenName: z.string().min(1),
  school: z.string().min(1),
  className: z.string().min(1),
  absences: z.array(absence),
});

/** An absence a guardian reported for one of her children. */
export const reportedAbsence = absence.extend({
  pupilPersonalNumber: personalNumber,
  pupilGivenName: z.string().min(1),
});

/**
 * What the school administration system answers for one person (validated by the hub before
 * mapping): the person as a pupil, and the absences the person reported for others.
 */
export const schoolAbsenceAnswer = z.object({
  personalNumber,
  pupil: pupil.nullable(),
  reported: z.array(reportedAbsence),
});

export type SchoolAbsenceAnswer = z.infer<typeof schoolAbsenceAnswer>;
export type AbsenceAnswer = z.infer<typeof absence>;
export type PupilAnswer = z.infer<typeof pupil>;
export type ReportedAbsenceAnswer = z.infer<typeof reportedAbsence>;

/** What the system answers to a report: registered (or already registered by the same key), or refused with its reason. */
export const reportOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('REGISTERED'), pupilPersonalNumber: personalNumber, absence }),
  z.object({ outcome: z.literal('REFUSED'), reason: code }),
]);
export type ReportOutcome = z.infer<typeof reportOutcome>;

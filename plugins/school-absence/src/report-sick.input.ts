import { z } from 'zod';
import { PARTS_OF_DAY } from './school-absence.catalogues';
import { nextDay, stockholmDay } from './school-day';

const personalNumber = (whose: string) =>
  z.string().regex(/^\d{12}$/, `ange ${whose} personnummer med tolv siffror, ÅÅÅÅMMDDNNNN`);

/**
 * A sick report (sjukanmälan) as the guardian or the agent enters it, with Swedish messages
 * naming what is wrong. Only today or tomorrow, by the school's clock (Europe/Stockholm): a
 * later absence is a leave request (ledighetsansökan) to the school, an earlier one is past.
 * `clock` is for tests; the hub's parse reads the time now.
 */
export function reportSickInputAt(clock: () => Date = () => new Date()) {
  return z
    .object({
      pupilPersonalNumber: personalNumber('elevens'),
      guardianPersonalNumber: personalNumber('vårdnadshavarens'),
      date: z.iso.date('ange dagen som ÅÅÅÅ-MM-DD'),
      partOfDay: z.enum(PARTS_OF_DAY, {
        error: 'välj FULL_DAY (heldag), MORNING (förmiddag) eller AFTERNOON (eftermiddag)',
      }),
    })
    .superRefine((report, ctx) => {
      const today = stockholmDay(clock());
      if (report.date !== today && report.date !== nextDay(today))
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: `sjukanmälan görs för i dag (${today}) eller i morgon (${nextDay(today)}); annan frånvaro anmäls till skolan`,
        });
      if (report.pupilPersonalNumber === report.guardianPersonalNumber)
        ctx.addIssue({
          code: 'custom',
          path: ['guardianPersonalNumber'],
          message: 'vårdnadshavaren och eleven kan inte vara samma person',
        });
    });
}

export const reportSickInput = reportSickInputAt();
export type SickReport = z.output<typeof reportSickInput>;

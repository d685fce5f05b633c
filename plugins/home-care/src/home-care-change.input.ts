import { z } from 'zod';

export const CHANGE_KINDS = ['CHANGE_VISIT_TIME', 'CANCEL_VISIT', 'PAUSE_VISITS', 'MESSAGE'] as const;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'ange tiden som TT:MM, till exempel 09:30');
/** A calendar day that exists: 2026-02-30 matches the pattern but is no day. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ange datumet som ÅÅÅÅ-MM-DD')
  .refine((d) => {
    const parsed = new Date(`${d}T12:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }, 'ange ett datum som finns, ÅÅÅÅ-MM-DD');
const MAX_PAUSE_DAYS = 366;

/** Which fields each kind of change needs; any other is refused, so nothing is sent that is not meant. */
const FIELDS: Record<(typeof CHANGE_KINDS)[number], readonly string[]> = {
  CHANGE_VISIT_TIME: ['visitId', 'wishedFrom', 'wishedTo'],
  CANCEL_VISIT: ['visitId'],
  PAUSE_VISITS: ['pauseFrom', 'pauseTo'],
  MESSAGE: [],
};
const OPTIONAL = ['visitId', 'wishedFrom', 'wishedTo', 'pauseFrom', 'pauseTo'] as const;

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000;

/**
 * A change request as the agent enters it, with Swedish messages for what is wrong. The
 * output is exactly what the home-care system takes: the fields of its kind, others null.
 */
export const homeCareChangeInput = z
  .object({
    personalNumber: z.string().regex(/^\d{12}$/, 'ange personnumret med tolv siffror, ÅÅÅÅMMDDNNNN'),
    kind: z.enum(CHANGE_KINDS, {
      error:
        'välj CHANGE_VISIT_TIME (ändra tid), CANCEL_VISIT (avboka), PAUSE_VISITS (uppehåll) eller MESSAGE',
    }),
    visitId: z.string().trim().min(1, 'ange vilket besök det gäller').max(60).nullish(),
    wishedFrom: clockTime.nullish(),
    wishedTo: clockTime.nullish(),
    pauseFrom: day.nullish(),
    pauseTo: day.nullish(),
    message: z
      .string()
      .trim()
      .min(3, 'skriv ett meddelande till hemtjänstgruppen (minst tre tecken)')
      .max(1000, 'meddelandet får vara högst 1000 tecken'),
  })
  .superRefine((input, ctx) => {
    const needed = FIELDS[input.kind];
    for (const field of OPTIONAL) {
      const given = input[field] !== null && input[field] !== undefined;
      if (needed.includes(field) && !given)
        ctx.addIssue({ code: 'custom', path: [field], message: `behövs för ${kindInSwedish(input.kind)}` });
      if (!needed.includes(field) && given)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `hör inte till ${kindInSwedish(input.kind)}; lämna fältet tomt`,
        });
    }
    if (
      input.kind === 'CHANGE_VISIT_TIME' &&
      input.wishedFrom &&
      input.wishedTo &&
      input.wishedTo <= input.wishedFrom
    )
      ctx.addIssue({
        code: 'custom',
        path: ['wishedTo'],
        message: 'sluttiden måste vara senare än starttiden',
      });
    if (input.kind === 'PAUSE_VISITS' && input.pauseFrom && input.pauseTo) {
      if (input.pauseTo < input.pauseFrom)
        ctx.addIssue({
          code: 'custom',
          path: ['pauseTo'],
          message: 'uppehållet måste sluta samma dag som det börjar eller senare',
        });
      else if (daysBetween(input.pauseFrom, input.pauseTo) > MAX_PAUSE_DAYS)
        ctx.addIssue({
          code: 'custom',
          path: ['pauseTo'],
          message: 'ett uppehåll kan vara högst ett år; för längre, kontakta biståndshandläggaren',
        });
    }
  })
  .transform((input) => ({
    personalNumber: input.personalNumber,
    kind: input.kind,
    visitId: input.visitId ?? null,
    wishedFrom: input.wishedFrom ?? null,
    wishedTo: input.wishedTo ?? null,
    pauseFrom: input.pauseFrom ?? null,
    pauseTo: input.pauseTo ?? null,
    message: input.message,
  }));

export type HomeCareChange = z.output<typeof homeCareChangeInput>;

function kindInSwedish(kind: (typeof CHANGE_KINDS)[number]): string {
  switch (kind) {
    case 'CHANGE_VISIT_TIME':
      return 'en ändrad besökstid';
    case 'CANCEL_VISIT':
      return 'ett avbokat besök';
    case 'PAUSE_VISITS':
      return 'ett uppehåll i besöken';
    case 'MESSAGE':
      return 'ett meddelande';
  }
}

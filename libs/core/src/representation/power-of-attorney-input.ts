import { z } from 'zod';
import { badUserInput } from '../errors';
import { parsePersonalNumber } from '../people/personal-number';
import { ALL_OPEN_DEPARTMENTS } from './power-of-attorney.entity';

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d),
    'not a calendar date',
  );

/** What staff give to register a power of attorney (fullmakt), as it reaches the hub. */
export const powerOfAttorneyInput = z
  .object({
    principalPersonalNumber: z.string().min(1).max(20),
    agentPersonalNumber: z.string().min(1).max(20),
    /** Department names; empty with `allOpenDepartments`. */
    departments: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    /** Every department not under secrecy (a secrecy department must still be named). */
    allOpenDepartments: z.boolean().default(false),
    validFrom: calendarDate,
    validTo: calendarDate.nullable().default(null),
  })
  .strict();
export type PowerOfAttorneyInput = z.input<typeof powerOfAttorneyInput>;

/** The departments the hub knows and which are under secrecy (the access policy answers it). */
export interface DepartmentCatalogue {
  readonly departments: string[];
  isSecret(department: string): boolean;
}

export interface CheckedPowerOfAttorney {
  principalPersonalNumber: string;
  agentPersonalNumber: string;
  departments: string[];
  validFrom: string;
  validTo: string | null;
}

/**
 * Validates a registration: two different valid personal numbers, known departments (or all
 * open ones), and dates that make sense on `today` (not ended already, not ending before they
 * begin). Each refusal says, in Swedish, what to correct.
 */
export function checkPowerOfAttorney(
  raw: unknown,
  catalogue: DepartmentCatalogue,
  today: string,
): CheckedPowerOfAttorney {
  const parsed = powerOfAttorneyInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badUserInput(
      `Fullmakten: ${issue.path.join('.') || 'indata'}: ${issue.message}.`,
      issue.path.join('.'),
    );
  }
  const input = parsed.data;
  const principal = parsePersonalNumber(input.principalPersonalNumber, 'principalPersonalNumber').value;
  const agent = parsePersonalNumber(input.agentPersonalNumber, 'agentPersonalNumber').value;
  if (principal === agent)
    throw badUserInput(
      'Fullmaktsgivare och ombud är samma person: en fullmakt ges till någon annan.',
      'agentPersonalNumber',
    );
  const named = [...new Set(input.departments)];
  if (!input.allOpenDepartments && named.length === 0)
    throw badUserInput('Ange minst en förvaltning, eller alla förvaltningar utan sekretess.', 'departments');
  const unknown = named.filter((d) => !catalogue.departments.includes(d));
  if (unknown.length)
    throw badUserInput(
      `Okänd förvaltning: ${unknown.join(', ')}. Kända: ${catalogue.departments.join(', ')}.`,
      'departments',
    );
  if (input.validTo !== null && input.validTo < input.validFrom)
    throw badUserInput(
      `Fullmakten slutar (${input.validTo}) innan den börjar (${input.validFrom}).`,
      'validTo',
    );
  if (input.validTo !== null && input.validTo < today)
    throw badUserInput(
      `Fullmakten har redan gått ut (${input.validTo}); registrera inte en utgången fullmakt.`,
      'validTo',
    );
  // `*` covers the open departments only; a secrecy department named beside it stays named.
  const departments = input.allOpenDepartments
    ? [ALL_OPEN_DEPARTMENTS, ...named.filter((d) => catalogue.isSecret(d))]
    : named;
  return {
    principalPersonalNumber: principal,
    agentPersonalNumber: agent,
    departments,
    validFrom: input.validFrom,
    validTo: input.validTo,
  };
}

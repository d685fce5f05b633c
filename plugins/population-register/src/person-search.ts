import { z } from 'zod';
import { hasProtectedIdentity } from './protection';
import { registerAnswer } from './register-answer.schema';
import type { PersonCandidate, PersonSearchResult } from './person-search.types';

/** The arguments of `personSearch`: a name, an address, or both; postcode and birth year narrow it. */
export const personSearchArgs = z
  .object({
    name: z
      .string()
      .trim()
      .max(100)
      .refine((v) => v.replace(/[^\p{L}]/gu, '').length >= 2, 'name: at least two letters')
      .optional(),
    address: z.string().trim().min(3, 'address: at least a street name').max(200).optional(),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3}\s?\d{2}$/, 'postalCode: five digits, e.g. 123 45')
      .optional(),
    birthYear: z
      .string()
      .trim()
      .regex(/^(18|19|20)\d{2}$/, 'birthYear: four digits, e.g. 1990')
      .optional(),
  })
  .refine((args) => Boolean(args.name || args.address), {
    message: 'name: give a name or an address to search by',
    path: ['name'],
  });
export type PersonSearchArgs = z.infer<typeof personSearchArgs>;

/** What the register's person search sends. */
export const personSearchAnswer = z.object({
  tooMany: z.boolean(),
  total: z.number().int().min(0),
  people: z.array(registerAnswer).max(100),
});
export type PersonSearchAnswer = z.infer<typeof personSearchAnswer>;

/**
 * Nobody matched: null, as every plugin query says "nothing found". Only a well-formed empty
 * answer is nothing; anything else goes on to validation, so garbage is an error, never "no hit".
 */
export function nothingFound(raw: unknown): unknown {
  const parsed = personSearchAnswer.safeParse(raw);
  return parsed.success && !parsed.data.tooMany && parsed.data.total === 0 ? null : raw;
}

/** The query string the register's search takes: only the arguments given. */
export function searchQuery(args: PersonSearchArgs): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The answer as the console lists it. Someone with protected identity is left out even if
 * the register sent them: a search must never list them (they are found by personal number
 * only), and the hub answers an uncleared reader null before this runs (`findsByPlace`).
 */
export function toSearchResult(answer: PersonSearchAnswer): PersonSearchResult {
  const people: PersonCandidate[] = answer.people
    .filter((p) => !hasProtectedIdentity(p))
    .map((p) => ({
      personalNumber: p.personalNumber,
      givenName: p.givenName,
      surname: p.surname,
      birthYear: Number(p.personalNumber.slice(0, 4)),
      address: p.address,
      deceased: p.deceased,
    }));
  const left = answer.people.length - people.length;
  return { tooMany: answer.tooMany, total: answer.total - left, people: answer.tooMany ? [] : people };
}

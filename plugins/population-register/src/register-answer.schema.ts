import { z } from 'zod';

/** What the register service sends for one person. */
export const registerAnswer = z.object({
  personalNumber: z.string().regex(/^\d{12}$/),
  givenName: z.string().min(1),
  surname: z.string().min(1),
  address: z
    .object({
      careOf: z.string().nullable(),
      street: z.string().min(1),
      postalCode: z.string().min(1),
      city: z.string().min(1),
    })
    .nullable(),
  municipality: z.string().nullable(),
  confidentialityMarking: z.boolean(),
  protectedRegistration: z.boolean(),
  deceased: z.boolean(),
  /**
   * Navet's relations: `V` a vårdnadshavare of this person, `B` a child in this person's
   * custody; other relation types (parents, spouse) may come and are ignored. Absent: none.
   */
  relations: z
    .array(z.object({ type: z.string().min(1).max(4), personalNumber: z.string().regex(/^\d{12}$/) }))
    .max(50)
    .optional(),
});
export type RegisterAnswer = z.infer<typeof registerAnswer>;

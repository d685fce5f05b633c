import { z } from 'zod';
import { identificationSettingsSchema } from './bankid-settings';
import { roleSchema, type Role } from './roles';

/** 0 = nothing in that department; 1 information … 6 evaluative handling (Järfälla's levels). */
export const mandateLevelSchema = z
  .number()
  .int()
  .min(0, 'expected a mandate level 0-6')
  .max(6, 'expected a mandate level 0-6');

/** Levels per department name (as plugins declare it, e.g. "Förskola"), `*` for every other department. */
const levelsByDepartment = z.record(z.string().min(1), mandateLevelSchema);

/**
 * The hub's out-of-the-box mandates: the first line informs, guides and prepares (level 3,
 * e.g. booking a bulky-waste pickup); officers and managers see information everywhere and
 * get their own department's levels through their answer group; citizens see information
 * about themselves only; service accounts get nothing unless configured.
 */
export const DEFAULT_ROLE_MANDATES: Record<Role, Record<string, number>> = {
  agent: { '*': 3 },
  case_officer: { '*': 1 },
  manager: { '*': 1 },
  admin: { '*': 1 },
  citizen: { '*': 1 },
  service: { '*': 0 },
};

export const accessConfigSchema = z
  .object({
    mandates: z
      .object({
        /** Per role; a role left out keeps its default above. */
        roles: z.partialRecord(roleSchema, levelsByDepartment).default({}),
        /** Per answer group key (svarsgrupp); members get the higher of their role's and their groups' levels. */
        answerGroups: z.record(z.string().min(1), levelsByDepartment).default({}),
      })
      .strict()
      .prefault({}),
    /** Who may see a protected person's whereabouts (skyddade personuppgifter). Nobody by default. */
    protectedIdentity: z
      .object({
        clearedRoles: z.array(roleSchema).default([]),
        clearedAnswerGroups: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    /** Whether staff must give a purpose (the open contact or case id, or a reason) to look a person up. */
    purpose: z
      .object({ required: z.boolean().default(false) })
      .strict()
      .prefault({}),
    /** The caller identified (BankID) before a secrecy department is shown (docs/security.md, decision 0076). */
    identification: identificationSettingsSchema.prefault({}),
  })
  .strict();

export type AccessConfig = z.infer<typeof accessConfigSchema>;

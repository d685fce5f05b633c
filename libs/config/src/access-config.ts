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

/** One purpose of a lookup the console offers, e.g. `{ key: "samtal", label: "Samtal med personen" }`. */
const purposeReasonSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a short lower-case key, e.g. samtal'),
    label: z.string().trim().min(1).max(80),
    /** Whether a free text must be given beside it (e.g. "Annat"). */
    needsText: z.boolean().default(false),
  })
  .strict();

export type PurposeReason = z.infer<typeof purposeReasonSchema>;

/** The purposes offered out of the box: what a first line and a case officer look people up for. */
export const DEFAULT_PURPOSE_REASONS: PurposeReason[] = [
  { key: 'samtal', label: 'Samtal med personen', needsText: false },
  { key: 'arende', label: 'Handläggning av ärende', needsText: false },
  { key: 'skriftlig-fraga', label: 'Skriftlig fråga (e-post, brev, e-tjänst)', needsText: false },
  { key: 'uppfoljning', label: 'Uppföljning eller återkoppling', needsText: false },
  { key: 'annat', label: 'Annat (skriv varför)', needsText: true },
];

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
    /**
     * Why staff look a person up. `required`: every staff lookup needs a purpose (free text is
     * enough). `requiredIn`: departments whose data is read only with a purpose chosen from
     * `reasons` (secrecy departments always are). `reasons`: the list the console offers.
     */
    purpose: z
      .object({
        required: z.boolean().default(false),
        requiredIn: z.array(z.string().min(1)).default([]),
        reasons: z
          .array(purposeReasonSchema)
          .min(1, 'expected at least one purpose')
          .refine((list) => new Set(list.map((r) => r.key)).size === list.length, 'expected unique keys')
          .default(DEFAULT_PURPOSE_REASONS),
      })
      .strict()
      .prefault({}),
    /** The caller identified (BankID) before a secrecy department is shown (docs/security.md, decision 0076). */
    identification: identificationSettingsSchema.prefault({}),
  })
  .strict();

export type AccessConfig = z.infer<typeof accessConfigSchema>;

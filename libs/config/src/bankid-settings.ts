import { z } from 'zod';

/**
 * The BankID RP API connection (the hub is the relying party): the service's base URL and the
 * files of the RP client certificate, its key and the CA that signs BankID's server
 * certificate (mutual TLS). Paths are read at start; relative ones from the working directory.
 * Absent: no BankID; identification cannot start and secrecy departments stay closed to the
 * roles that need it.
 */
export const bankIdSettingsSchema = z
  .object({
    baseUrl: z
      .url()
      .refine((url) => url.startsWith('https://'), 'BankID is spoken over HTTPS only')
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
    clientCertFile: z.string().min(1),
    clientKeyFile: z.string().min(1),
    /** Passphrase of the client key, if it has one (set it from the environment: `${BANKID_KEY_PASSPHRASE}`). */
    clientKeyPassphrase: z.string().optional(),
    caFile: z.string().min(1),
    /** Deadline per RP API call; a slower BankID counts as down for that call. */
    timeoutMs: z.number().int().min(100).max(30_000).default(5000),
  })
  .strict();

export type BankIdSettings = z.infer<typeof bankIdSettingsSchema>;

/**
 * Who must have identified the caller before a secrecy department's data is shown (the first
 * line by default), how long an identification holds, and the exceptions the municipality
 * allows (each recorded with its reason).
 */
export const identificationSettingsSchema = z
  .object({
    requiredFor: z
      .object({
        roles: z.array(z.enum(['agent', 'case_officer', 'manager', 'admin'])).default(['agent']),
        answerGroups: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    /** An identification tied to a call holds until the call ends, and at most this long. */
    maxMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(120),
    /** An identification tied to no call (or a call the hub does not know has ended) holds this long. */
    withoutCallMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** Exceptions the agent may record instead of BankID (none by default), by key and Swedish label. */
    exceptionReasons: z
      .array(
        z.object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/), label: z.string().min(1).max(200) }).strict(),
      )
      .default([]),
  })
  .strict();

export type IdentificationSettings = z.infer<typeof identificationSettingsSchema>;

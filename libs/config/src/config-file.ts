import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  caseSetupSchema,
  messagingSettingsSchema,
  pluginSettingsSchema,
  retentionSettingsSchema,
  telephonySettingsSchema,
} from '@frontdoor/core';
import { accessConfigSchema } from './access-config';
import { bankIdSettingsSchema } from './bankid-settings';
import { authFileSchema } from './auth-file';
import { ConfigError } from './config-error';

/** Operating notices: the areas a notice may name, and when a category's contacts count as a spike. */
const noticesSchema = z
  .object({
    areas: z.array(z.string().trim().min(1).max(100)).default([]),
    spikes: z
      .object({
        factor: z.number().min(1.5).max(20).default(3),
        minimum: z.number().int().min(1).default(10),
        weeks: z.number().int().min(1).max(12).default(4),
        dayStartsHour: z.number().int().min(0).max(23).default(8),
        dayEndsHour: z.number().int().min(1).max(24).default(17),
      })
      .strict()
      .refine((s) => s.dayEndsHour > s.dayStartsHour, {
        message: 'dayEndsHour must come after dayStartsHour',
        path: ['dayEndsHour'],
      })
      .prefault({}),
  })
  .strict();

/** The JSON config file: plugins, service targets, cases, access and auth (docs/configuration.md). */
export const hubFileSchema = z
  .object({
    plugins: z.record(z.string(), pluginSettingsSchema).default({}),
    /** Service goals the statistics are measured against. */
    serviceTargets: z
      .object({
        firstLineResolutionShare: z.number().min(0).max(1).default(0.7),
        answerWithinWorkingDays: z.number().int().min(1).max(30).default(2),
        answeredInTimeShare: z.number().min(0).max(1).default(0.9),
      })
      .strict()
      .prefault({}),
    /** Telephony queues and the call service goals (docs/configuration.md). */
    telephony: telephonySettingsSchema.prefault({}),
    /** SMS provider and digital mailbox for citizens' notices, and when to fall back (decision 0083). */
    messaging: messagingSettingsSchema.prefault({}),
    /** Case categories and answer groups (svarsgrupper). */
    cases: caseSetupSchema.prefault({}),
    /** How long each kind of record is kept, in days (gallring, docs/configuration.md). */
    retention: retentionSettingsSchema.prefault({}),
    /** Mandates per role and answer group, protected-identity clearance, purpose of lookups (docs/security.md). */
    access: accessConfigSchema.prefault({}),
    /** Claims mapping for the identity provider's tokens, role map, service accounts (docs/configuration.md). */
    auth: authFileSchema.prefault({}),
    /** Operating notices' areas and the spike check (docs/configuration.md). */
    notices: noticesSchema.prefault({}),
    /** The BankID RP API (mutual TLS) for identifying a caller during a call (docs/security.md). */
    bankId: bankIdSettingsSchema.optional(),
  })
  .strict();

export type HubFile = z.infer<typeof hubFileSchema>;

/**
 * Reads the config file (FRONTDOOR_CONFIG, or ./frontdoor.config.json when present) with
 * `${VAR}` / `${VAR:-default}` filled from the environment, so secrets stay out of the file.
 */
export function readConfigFile(
  explicitPath: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): { path: string; content: unknown } {
  const path = resolve(cwd, explicitPath ?? 'frontdoor.config.json');
  if (!existsSync(path)) {
    if (explicitPath) throw new ConfigError([`FRONTDOOR_CONFIG: no file at ${path}`]);
    return { path, content: {} };
  }
  const text = readFileSync(path, 'utf8');
  const missing: string[] = [];
  const filled = text.replace(
    /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g,
    (_match, name: string, fallback?: string) => {
      const value = env[name] ?? fallback;
      if (value === undefined) {
        missing.push(`${path}: \${${name}} is not set in the environment`);
        return '';
      }
      return JSON.stringify(value).slice(1, -1);
    },
  );
  if (missing.length) throw new ConfigError(missing);
  try {
    return { path, content: JSON.parse(filled) };
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
}

import { z } from 'zod';
import { connectionSettingsSchema } from '@frontdoor/plugin-sdk';

/**
 * What the hub needs to know to run one plugin, from the configuration file. The hub
 * owns these keys (deadline, breaker, module); `config` is the plugin's own and is
 * validated against the plugin's schema.
 */
export const pluginSettingsSchema = z
  .object({
    /** npm module that exports the plugin; defaults to `@frontdoor/plugin-<id>`. */
    module: z.string().min(1).optional(),
    enabled: z.boolean().default(true),
    /** Deadline for one call to the department system. */
    timeoutMs: z.number().int().min(10).max(60_000).default(1500),
    breaker: z
      .object({
        /** Consecutive failures that open the circuit. */
        consecutiveFailures: z.number().int().min(1).default(5),
        /** How long an open circuit waits before letting one trial call through. */
        halfOpenAfterMs: z.number().int().min(100).default(10_000),
      })
      .strict()
      .prefault({}),
    /**
     * A short cache of each person's answer. `ttlMs` 0 turns it off. When the department
     * fails, an answer up to `staleIfErrorMs` old is served instead, marked with its age.
     */
    cache: z
      .object({
        ttlMs: z.number().int().min(0).max(3_600_000).default(15_000),
        staleIfErrorMs: z.number().int().min(0).max(86_400_000).default(900_000),
        maxEntries: z.number().int().min(1).max(1_000_000).default(10_000),
      })
      .strict()
      .prefault({}),
    /** Per-job interval overrides, e.g. { "import-export": 1440 }. */
    jobs: z
      .record(
        z.string(),
        z.object({ everyMinutes: z.number().positive(), enabled: z.boolean().default(true) }).strict(),
      )
      .default({}),
    /**
     * How the hub reaches the department system: base URL and auth (API key, OAuth2 client
     * credentials, none). Required for a plugin that declares a connection; the hub joins every
     * path to it and signs every request, so no plugin builds a URL or holds a secret.
     */
    connection: connectionSettingsSchema.optional(),
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type PluginSettings = z.infer<typeof pluginSettingsSchema>;

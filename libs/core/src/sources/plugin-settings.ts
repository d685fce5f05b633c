import { z } from 'zod';

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
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type PluginSettings = z.infer<typeof pluginSettingsSchema>;

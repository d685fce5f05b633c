import { z } from 'zod';

/**
 * How the hub reaches one department system, as the installation configures it (the
 * `connection` section of a plugin's settings): the base URL, and the auth scheme with its
 * secrets. The hub, not the plugin, builds every URL from it and applies the auth.
 */
export const connectionSettingsSchema = z
  .object({
    /** Where the department's API lives, e.g. `https://bygglov.kommun.se/api/` (with or without the last slash). */
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://system.kommun.se/api/' })
      .refine((value) => {
        const url = URL.parse(value);
        return !url || (!url.username && !url.password);
      }, 'must not carry credentials: put them under auth')
      .refine((value) => {
        const url = URL.parse(value);
        return !url || (!url.search && !url.hash);
      }, 'must not carry a query string or fragment'),
    auth: z.discriminatedUnion('scheme', [
      z
        .object({
          scheme: z.literal('api-key'),
          /** The header the system reads the key from. */
          header: z
            .string()
            .regex(/^[A-Za-z0-9-]+$/, 'expected an HTTP header name')
            .default('x-api-key'),
          key: z.string().min(1, 'expected the API key'),
        })
        .strict(),
      z
        .object({
          scheme: z.literal('oauth2-client-credentials'),
          /** The token endpoint: relative to the base URL, or absolute when the identity provider lives elsewhere. */
          tokenUrl: z.string().min(1).default('oauth/token'),
          clientId: z.string().min(1, 'expected the client id'),
          clientSecret: z.string().min(1, 'expected the client secret'),
          scope: z.string().min(1).optional(),
        })
        .strict(),
      z.object({ scheme: z.literal('none') }).strict(),
    ]),
    /** How long a passed health check vouches that a 404 means "nothing here", before it is checked again. */
    healthMaxAgeMs: z.number().int().min(1000).max(600_000).default(30_000),
    /** Keep-alive connections to this system (its own pool: a slow department cannot starve another's). */
    connections: z.number().int().min(1).max(256).default(32),
    /** A larger answer is an error, not an out-of-memory. */
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(5 * 1024 * 1024),
  })
  .strict();

export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;
export type ConnectionSettingsInput = z.input<typeof connectionSettingsSchema>;
export type ConnectionAuthSettings = ConnectionSettings['auth'];

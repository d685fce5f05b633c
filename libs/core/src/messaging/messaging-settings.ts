import { z } from 'zod';

const baseUrl = z.url({ protocol: /^https?$/ }).transform((url) => (url.endsWith('/') ? url : `${url}/`));

/** An HTTP SMS provider of the kind municipalities buy (`POST v1/messages`, bearer key). */
export const smsProviderSchema = z
  .object({
    baseUrl,
    apiKey: z.string().min(1),
    /** The alphanumeric sender the citizen sees (at most 11 characters, as operators allow). */
    sender: z
      .string()
      .regex(/^[A-Za-z0-9ÅÄÖåäö ]{1,11}$/, 'at most 11 letters, digits or spaces, e.g. Exempelstad'),
    /** Below the delivery claim's lease (20 s), so a second worker never takes over a send in flight. */
    timeoutMs: z.number().int().min(100).max(15_000).default(5000),
    /** How long after sending the hub first asks whether the text was delivered (`GET v1/messages/:id`). */
    deliveryReportAfterMs: z.number().int().min(0).max(3_600_000).default(60_000),
  })
  .strict();

/**
 * The national infrastructure for digital post (Mina meddelanden): the recipient lookup
 * (FaR) and delivery through the municipality's intermediary (förmedlingstjänst).
 */
export const digitalMailboxSchema = z
  .object({
    baseUrl,
    apiKey: z.string().min(1),
    /** The municipality's organisation number, as registered as a sender. */
    senderOrgNumber: z.string().regex(/^\d{6}-?\d{4}$/, 'an organisation number, e.g. 212000-0000'),
    senderName: z.string().min(1).max(100),
    timeoutMs: z.number().int().min(100).max(15_000).default(5000),
  })
  .strict();

/** The `messaging` section of the config file (docs/configuration.md, decision 0083). */
export const messagingSettingsSchema = z
  .object({
    /** Unset: no SMS; a citizen who chose SMS is reached by the next channel. */
    sms: smsProviderSchema.optional(),
    /** Unset: no digital mailbox; likewise. */
    digitalMailbox: digitalMailboxSchema.optional(),
    /** Tries on one channel while its provider fails, before the next channel is used. */
    attemptsBeforeFallback: z.number().int().min(1).max(10).default(3),
  })
  .strict();

export type MessagingSettings = z.infer<typeof messagingSettingsSchema>;
export type SmsProviderSettings = z.infer<typeof smsProviderSchema>;
export type DigitalMailboxSettings = z.infer<typeof digitalMailboxSchema>;

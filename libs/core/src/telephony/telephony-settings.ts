import { z } from 'zod';

const queueKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'a queue key is lower-case letters, digits, - or _ (at most 60)');

/**
 * One telephony queue (kö) as the platform names it, with its service goal: the share of
 * calls answered within `answerWithinSeconds`. Luleå's servicemål 1 is the switchboard
 * (växeln) answering 90 % within three signals (15 s); servicemål 2 customer service
 * (kundtjänst) answering 90 % within five minutes.
 */
export const telephonyQueueSchema = z
  .object({
    name: z.string().min(1).max(200),
    answerWithinSeconds: z.number().int().min(1).max(3600),
    answeredWithinShareTarget: z.number().min(0).max(1).default(0.9),
  })
  .strict();

/** The `telephony` section of the config file (docs/configuration.md). */
export const telephonySettingsSchema = z
  .object({
    queues: z.record(queueKey, telephonyQueueSchema).default({
      vaxel: { name: 'Växeln', answerWithinSeconds: 15, answeredWithinShareTarget: 0.9 },
      kundtjanst: { name: 'Kundtjänst', answerWithinSeconds: 300, answeredWithinShareTarget: 0.9 },
    }),
    /**
     * Callers who hang up within this many seconds are not counted as offered or abandoned
     * (they dialled wrong or heard the queue message), as is usual in the trade.
     */
    shortAbandonSeconds: z.number().int().min(0).max(120).default(5),
    /** Luleå's servicemål 3: at most 10 % of the callers who wait hang up. */
    abandonedShareCeiling: z.number().min(0).max(1).default(0.1),
    /** The average talk time the contact center aims at (3 minutes). */
    talkTimeTargetSeconds: z.number().int().min(1).max(7200).default(180),
    /**
     * Ask the departments about the person the caller keyed in the IVR while they wait in the
     * queue (OFFERED), so the matters are there when the agent answers. The answers only wait
     * in the cache; nothing is shown or audited until an agent opens the person.
     */
    prefetchOnOffer: z.boolean().default(true),
  })
  .strict();

export type TelephonySettings = z.infer<typeof telephonySettingsSchema>;
export type TelephonyQueue = z.infer<typeof telephonyQueueSchema>;

export const DEFAULT_TELEPHONY_SETTINGS: TelephonySettings = telephonySettingsSchema.parse({});

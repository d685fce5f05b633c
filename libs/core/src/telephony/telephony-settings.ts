import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24 h), e.g. 08:00');

/**
 * When a queue is open for callbacks, Swedish time: every working day (not weekends, public
 * holidays, midsommarafton, julafton or nyårsafton) from `from` up to, not including, `to`.
 */
export const openingHoursSchema = z
  .object({ from: clockTime, to: clockTime })
  .strict()
  .refine((h) => h.from < h.to, { message: 'opening hours: `from` comes before `to`' });

/** Callbacks instead of queueing (issue 25, decision 0082). */
export const callbackSettingsSchema = z
  .object({
    /** Opening hours of a queue that names none of its own. */
    openingHours: openingHoursSchema.default({ from: '08:00', to: '16:30' }),
    /** A callback not reached within this many hours of its request leaves the queue (EXPIRED). */
    validHours: z.number().int().min(1).max(168).default(72),
    /** Failed attempts (no answer, retry) after which the callback closes as unreached. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** A "no answer" without a time goes back into the queue this many minutes later. */
    noAnswerRetryMinutes: z.number().int().min(1).max(1440).default(30),
    /** A taken callback without an outcome goes back into the queue after this many minutes (an agent who left). */
    takenForMinutes: z.number().int().min(1).max(480).default(30),
    /** The call goal: the first attempt within this many minutes of the time the caller asked for. */
    callBackWithinMinutes: z.number().int().min(1).max(4320).default(120),
    calledBackWithinShareTarget: z.number().min(0).max(1).default(0.9),
    /** The queue a callback asked for on Mina ärenden joins. */
    citizenQueue: z.string().min(1).default('kundtjanst'),
    /** At most this many callbacks a citizen may ask for on Mina ärenden in one Swedish day. */
    citizenPerDay: z.number().int().min(1).max(20).default(3),
  })
  .strict();

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
    /** This queue's callback hours; absent: `callbacks.openingHours`. */
    openingHours: openingHoursSchema.optional(),
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
    callbacks: callbackSettingsSchema.default(callbackSettingsSchema.parse({})),
  })
  .strict()
  .refine((s) => Object.hasOwn(s.queues, s.callbacks.citizenQueue), {
    message: 'callbacks.citizenQueue names a queue in telephony.queues',
    path: ['callbacks', 'citizenQueue'],
  });

export type TelephonySettings = z.infer<typeof telephonySettingsSchema>;
export type TelephonyQueue = z.infer<typeof telephonyQueueSchema>;
export type CallbackSettings = z.infer<typeof callbackSettingsSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const DEFAULT_TELEPHONY_SETTINGS: TelephonySettings = telephonySettingsSchema.parse({});

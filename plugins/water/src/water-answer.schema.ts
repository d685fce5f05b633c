import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const moment = z.iso.datetime({ offset: true });
// Codes the catalogues do not know are still subscriptions or services to show; so: any string.
const code = z.string().min(1);

export const meterReadingAnswer = z.object({
  value: z.number().int().nonnegative(),
  readOn: isoDate,
  /** Who read it: CUSTOMER, REMOTE (fjärravläst) or ESTIMATED (uppskattad). */
  source: code,
});

/** One property the customer's water subscription is for. */
export const waterProperty = z.object({
  propertyId: z.string().min(1),
  /** Fastighetsbeteckning, e.g. "Morö 4:12": says where the owner lives. */
  designation: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
  /** The distribution area (for planned interruptions); an area is a place. */
  areaId: z.string().min(1),
  subscription: z.object({
    subscriptionId: z.string().min(1),
    status: code,
    services: z.array(code),
    startedOn: isoDate,
    endedOn: isoDate.nullable(),
  }),
  meter: z
    .object({ meterId: z.string().min(1), unit: z.literal('m3'), lastReading: meterReadingAnswer.nullable() })
    .nullable(),
  billing: z.object({
    nextBillingDate: isoDate.nullable(),
    /** QUARTERLY, MONTHLY or YEARLY. */
    period: code,
    lastInvoiceAmount: z.number().nonnegative().nullable(),
  }),
  updatedAt: moment,
});

export const waterInterruption = z.object({
  interruptionId: z.string().min(1),
  areaId: z.string().min(1),
  /** The area's name, e.g. "Morö Backe": says where the owner lives. */
  areaName: z.string(),
  startsAt: moment,
  endsAt: moment,
  reason: z.string(),
});

/**
 * What the plugin reads for one person, put together from the water system's customer record
 * and the planned interruptions in every area (the mapping keeps those in the customer's areas),
 * validated by the hub before mapping.
 */
export const waterAnswer = z.object({
  customer: z.object({ personalNumber: z.string(), properties: z.array(waterProperty) }),
  interruptions: z.array(waterInterruption),
});

export type WaterAnswer = z.infer<typeof waterAnswer>;
export type WaterPropertyAnswer = z.infer<typeof waterProperty>;
export type WaterInterruptionAnswer = z.infer<typeof waterInterruption>;

/** What the system answers to a meter reading: registered, or refused with its reason. */
export const meterReadingOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('REGISTERED'),
    reading: meterReadingAnswer.extend({ readingId: z.string().min(1), meterId: z.string().min(1) }),
  }),
  z.object({
    outcome: z.literal('REFUSED'),
    reason: code,
    /** Set when the plugin refused before asking the system: the Swedish reason with the figures. */
    message: z.string().optional(),
  }),
]);
export type MeterReadingOutcome = z.infer<typeof meterReadingOutcome>;

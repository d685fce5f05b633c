import { PROTECTED_TEXT, type StatusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import type { WaterAnswer, WaterInterruptionAnswer, WaterPropertyAnswer } from './water-answer.schema';
import {
  periodLabel,
  readingSourceLabel,
  serviceLabel,
  subscriptionLabel,
  waterSubscriptionCatalogue,
} from './water.catalogues';
import type { Water, WaterSubscription } from './water.types';
import { interruptionWindow } from './water-time';

const STAFF: StatusReader = { kind: 'staff' };

/**
 * Interruptions in the property's area that have not ended, soonest first. For a person with
 * protected identity the hub has blanked the area (a place id): the interruption is left out
 * whole, since its time is published with its area and would say where the person lives.
 */
function interruptionsFor(
  property: WaterPropertyAnswer,
  answer: WaterAnswer,
  now: string,
): WaterInterruptionAnswer[] {
  if (!property.areaId || property.areaId === PROTECTED_TEXT) return [];
  return answer.interruptions
    .filter((i) => i.areaId === property.areaId && i.endsAt >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Today's start as an ISO moment, to compare with interruption times (all in UTC, `Z`). */
const startOf = (today: string) => `${today}T00:00:00`;

function readingText(property: WaterPropertyAnswer): string | undefined {
  const last = property.meter?.lastReading;
  return last ? `senaste mätarställning ${last.value} m³ (${last.readOn})` : undefined;
}

/** What happens next on the subscription, worded for the reader. */
function nextStepFor(
  property: WaterPropertyAnswer,
  answer: WaterAnswer,
  today: string,
  reader: StatusReader,
): string | undefined {
  const { subscription, billing } = property;
  const staff = reader.kind === 'staff';
  switch (subscription.status) {
    case 'APPLIED':
    case 'CONNECTING':
      if (staff) return `Anmäld, abonnemanget gäller från ${subscription.startedOn}`;
      return reader.kind === 'citizen'
        ? 'VA-avdelningen hör av sig när fastigheten är ansluten'
        : 'VA-avdelningen hör av sig till ägaren när fastigheten är ansluten';
    case 'ACTIVE': {
      const parts: string[] = [];
      if (billing.nextBillingDate) parts.push(`Nästa fakturering ${billing.nextBillingDate}`);
      const reading = readingText(property);
      if (reading) parts.push(reading);
      const next = interruptionsFor(property, answer, startOf(today))[0];
      if (next) parts.push(`planerat avbrott i vattnet ${interruptionWindow(next.startsAt, next.endsAt)}`);
      return parts.length ? parts.join('; ') : undefined;
    }
    case 'TERMINATED':
      return subscription.endedOn ? `Avslutat ${subscription.endedOn}` : undefined;
    default:
      return undefined;
  }
}

/** One status item per property's water subscription, worded for its reader (SDK 4.1). */
export function waterStatuses(
  answer: WaterAnswer | null,
  today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  return answer.customer.properties.map((property) => {
    const { state } = waterSubscriptionCatalogue.lookup(property.subscription.status);
    const nextStep = nextStepFor(property, answer, today, reader);
    return {
      kind: 'water-subscription',
      reference: property.subscription.subscriptionId,
      title: 'Vatten och avlopp',
      state,
      label: subscriptionLabel(property.subscription.status, reader),
      updatedAt: new Date(property.updatedAt),
      ...(nextStep ? { nextStep } : {}),
    };
  });
}

function subscriptionView(
  property: WaterPropertyAnswer,
  answer: WaterAnswer,
  today: string,
): WaterSubscription {
  const { state, label } = waterSubscriptionCatalogue.lookup(property.subscription.status);
  const last = property.meter?.lastReading ?? null;
  return {
    subscriptionId: property.subscription.subscriptionId,
    statusCode: property.subscription.status,
    state,
    label,
    designation: property.designation,
    street: property.address.street,
    services: property.subscription.services.map(serviceLabel),
    meterId: property.meter?.meterId ?? null,
    lastReading: last
      ? { value: last.value, readOn: last.readOn, sourceLabel: readingSourceLabel(last.source) }
      : null,
    nextBillingDate: property.billing.nextBillingDate,
    billingPeriod: periodLabel(property.billing.period),
    lastInvoiceAmount: property.billing.lastInvoiceAmount,
    interruptions: interruptionsFor(property, answer, startOf(today)).map((i) => ({
      interruptionId: i.interruptionId,
      areaName: i.areaName,
      startsAt: new Date(i.startsAt),
      endsAt: new Date(i.endsAt),
      window: interruptionWindow(i.startsAt, i.endsAt),
      reason: i.reason,
    })),
  };
}

/** The `water` detail: each property's subscription, meter, billing and planned interruptions. */
export function waterDetail(answer: WaterAnswer | null, today: string): Water | null {
  if (!answer) return null;
  return { subscriptions: answer.customer.properties.map((p) => subscriptionView(p, answer, today)) };
}

/** The registered reading, said aloud. */
export function registeredLabel(reading: { readingId: string; value: number; readOn: string }): string {
  return `Mätarställningen ${reading.value} m³ avläst ${reading.readOn} är registrerad (${reading.readingId}).`;
}

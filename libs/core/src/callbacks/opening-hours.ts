import { isWorkingDay } from '../sla/swedish-calendar';
import type { OpeningHours, TelephonySettings } from '../telephony/telephony-settings';

const STOCKHOLM_CLOCK = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The Swedish date (YYYY-MM-DD) and time of day (HH:MM) at an instant. */
export function stockholmClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(STOCKHOLM_CLOCK.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The callback hours of a queue: its own, or the callbacks section's. */
export function openingHoursOf(settings: TelephonySettings, queue: string): OpeningHours {
  return settings.queues[queue]?.openingHours ?? settings.callbacks.openingHours;
}

/**
 * Whether the queue takes callbacks at `instant`: a Swedish working day (no weekend, public
 * holiday, midsommarafton, julafton or nyårsafton: the same calendar as the cases' deadlines)
 * between the hours, Swedish time, `to` itself closed.
 */
export function isOpenAt(hours: OpeningHours, instant: Date): boolean {
  const { date, time } = stockholmClock(instant);
  return isWorkingDay(date) && time >= hours.from && time < hours.to;
}

/** Quarter hours: callback hours begin on the hour or the half hour in every config seen. */
const OPENING_STEP_MS = 15 * 60_000;
/** Two weeks covers the longest closed stretch of the Swedish calendar (Christmas to Epiphany). */
const OPENING_SEARCH_MS = 14 * 24 * 3_600_000;

/**
 * The first quarter hour from `from` on which the queue takes callbacks (`from` itself when it
 * does), or null when it does not open within two weeks (hours that never open).
 */
export function nextOpeningAt(hours: OpeningHours, from: Date): Date | null {
  if (isOpenAt(hours, from)) return from;
  // Onto the next quarter hour first, so the step lands on the opening minute.
  for (
    let at = Math.ceil(from.getTime() / OPENING_STEP_MS) * OPENING_STEP_MS;
    at - from.getTime() <= OPENING_SEARCH_MS;
    at += OPENING_STEP_MS
  )
    if (isOpenAt(hours, new Date(at))) return new Date(at);
  return null;
}

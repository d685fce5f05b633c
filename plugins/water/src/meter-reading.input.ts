import { z } from 'zod';

/** The calendar date in Sweden now; the hub's `today` is not known when the input is checked. */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** A calendar day that exists: 2026-02-30 matches the pattern but is no day. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ange datumet som ÅÅÅÅ-MM-DD')
  .refine((d) => {
    const parsed = new Date(`${d}T12:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }, 'ange ett datum som finns, ÅÅÅÅ-MM-DD');

/** Larger than any household meter shows (they roll over at 99 999 or 999 999 m³). */
const MAX_READING = 9_999_999;

/** The date a meter was read may not be after `today`. */
const notAfter = (today: () => string) =>
  day.refine((d) => d <= today(), 'avläsningsdatumet får inte ligga i framtiden');

/**
 * A meter reading as the agent enters it, with Swedish messages for what is wrong. `today` is
 * a function so a test can fix it; the hub checks the input before it knows its own date.
 */
export function meterReadingInputFor(today: () => string = swedishToday) {
  return z.object({
    personalNumber: z.string().regex(/^\d{12}$/, 'ange personnumret med tolv siffror, ÅÅÅÅMMDDNNNN'),
    meterId: z.string().trim().min(1, 'ange mätarnumret').max(40, 'mätarnumret får vara högst 40 tecken'),
    reading: z
      .number({ error: 'ange mätarställningen i hela kubikmeter' })
      .int('ange mätarställningen i hela kubikmeter, utan decimaler')
      .min(0, 'mätarställningen kan inte vara negativ')
      .max(MAX_READING, 'mätarställningen är orimligt hög; kontrollera siffrorna'),
    readOn: notAfter(today),
  });
}

export const meterReadingInput = meterReadingInputFor();
export type MeterReading = z.output<typeof meterReadingInput>;

/**
 * The reading checked against what the water system already has: not lower than the last
 * reading (a meter only counts up), and not in the future by the hub's own date.
 */
export function meterReadingAgainst(last: { value: number; readOn: string } | null, today: string) {
  return z.object({
    reading: z
      .number()
      .refine(
        (value) => !last || value >= last.value,
        last
          ? `mätarställningen får inte vara lägre än den senaste, ${last.value} m³ (${last.readOn})`
          : 'mätarställningen saknas',
      ),
    readOn: z
      .string()
      .refine((d) => d <= today, 'avläsningsdatumet får inte ligga i framtiden')
      .refine(
        (d) => !last || d >= last.readOn,
        last ? `avläsningsdatumet får inte vara före den senaste avläsningen (${last.readOn})` : '',
      ),
  });
}

import { stockholmDate } from '../time/stockholm-date';
import { workingDaysBetween } from './swedish-calendar';

const LONG_DATE = new Intl.DateTimeFormat('sv-SE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const PLURAL = new Intl.PluralRules('sv');

/**
 * The last day of a deadline: a due instant is the midnight that ends that day in
 * Europe/Stockholm (serviceDeadline), so the day is the one just before it. Shown as a date
 * everywhere, never as the midnight ("2026-12-05 00:00" read as the wrong day).
 */
export function dueDateOf(dueAt: Date): string {
  return stockholmDate(new Date(dueAt.getTime() - 1));
}

/** "senast fredag 4 december 2026": the one way a deadline is said, in the console, mail and e-services. */
export function deadlineText(dueDate: string): string {
  return `senast ${LONG_DATE.format(new Date(`${dueDate}T12:00:00Z`))}`;
}

/** "1 arbetsdag", "2 arbetsdagar" (Intl.PluralRules for Swedish). */
export function workingDaysText(count: number): string {
  return `${count} ${PLURAL.select(count) === 'one' ? 'arbetsdag' : 'arbetsdagar'}`;
}

/**
 * How much time is left, in working days after today up to the last day, or how late:
 * "2 arbetsdagar kvar", "sista dagen i dag", "1 arbetsdag försenat". A weekend after a
 * Friday deadline is late but no working day late yet: "försenat".
 */
export function workingDaysLeftText(dueDate: string, today: string): string {
  if (today === dueDate) return 'sista dagen i dag';
  if (today < dueDate) return `${workingDaysText(workingDaysBetween(today, dueDate))} kvar`;
  const late = workingDaysBetween(dueDate, today);
  return late === 0 ? 'försenat' : `${workingDaysText(late)} försenat`;
}

import { badUserInput, stockholmDate } from '@frontdoor/core';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** No contact center kept its figures in Frontdoor before this; earlier dates are typing mistakes. */
export const EARLIEST_REPORT_DATE = '2000-01-01';

/**
 * The period of a report (service statistics, the knowledge gap report, their CSV): calendar
 * dates, `from` not after `to`, both from 2000-01-01 to a year after today (Swedish time).
 * The statistics walk the period day by day and the calendar arithmetic needs four-digit
 * years, so a year 1000 or 9999 was an INTERNAL error; now it is the caller's mistake.
 */
export function checkReportPeriod(from: string, to: string, now: Date): void {
  if (!DATE.test(from)) throw badUserInput('from: give a calendar date as YYYY-MM-DD.', 'from');
  if (!DATE.test(to)) throw badUserInput('to: give a calendar date as YYYY-MM-DD.', 'to');
  const today = stockholmDate(now);
  const latest = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  for (const [field, date] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (date < EARLIEST_REPORT_DATE || date > latest)
      throw badUserInput(
        `${field}: ${date} is outside the dates a report covers (${EARLIEST_REPORT_DATE} to ${latest}).`,
        field,
      );
  if (from > to) throw badUserInput('from must not be after to.', 'from');
}

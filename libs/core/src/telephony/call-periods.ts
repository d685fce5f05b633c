import { stockholmDate } from '../time/stockholm-date';

/** The Swedish calendar periods an instant falls in: day, ISO week (Swedish weeks are ISO 8601), month. */
export interface CallPeriods {
  day: string;
  week: string;
  month: string;
}

export function stockholmPeriods(instant: Date): CallPeriods {
  const day = stockholmDate(instant);
  return { day, week: isoWeekOf(day), month: day.slice(0, 7) };
}

/** ISO 8601 week of a calendar date, e.g. 2026-W01 for 2025-12-29 (the week with the year's first Thursday). */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

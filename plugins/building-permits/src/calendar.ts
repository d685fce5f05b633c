/** Adds calendar days to a YYYY-MM-DD date (noon UTC, so no zone shift changes the day). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

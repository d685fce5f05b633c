/**
 * A calendar day (YYYY-MM-DD, UTC) `daysAgo` days before today: for events a test posts "on a
 * day", which the hub accepts only within the contact log's retention and never ahead of now.
 * A fixed date in a test would start failing once it is older than what the hub keeps.
 */
export function recentDay(daysAgo: number): string {
  if (daysAgo < 1) throw new Error('recentDay: at least 1 day ago, so no event of that day is in the future');
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD day. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) in Europe/Stockholm at `at`: the school's day, not UTC's. */
export function stockholmDay(at: Date = new Date()): string {
  // sv-SE formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

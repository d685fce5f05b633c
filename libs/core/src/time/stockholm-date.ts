const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The calendar date in Sweden at `instant` (YYYY-MM-DD): what "today" means to an agent. */
export function stockholmDate(instant: Date = new Date()): string {
  return STOCKHOLM_DATE.format(instant);
}

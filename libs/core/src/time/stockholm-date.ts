const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

// Intl formatting is dear (~1.5 % of a cached person read, which asks once per department);
// Sweden's date only changes on a whole second, so the last second's answer is kept.
let lastSecond = NaN;
let lastDate = '';

/** The calendar date in Sweden at `instant` (YYYY-MM-DD): what "today" means to an agent. */
export function stockholmDate(instant: Date = new Date()): string {
  const second = Math.floor(instant.getTime() / 1000);
  if (second !== lastSecond) {
    lastDate = STOCKHOLM_DATE.format(instant);
    lastSecond = second;
  }
  return lastDate;
}

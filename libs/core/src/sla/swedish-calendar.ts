import Holidays from 'date-holidays';

const holidays = new Holidays('SE');
const NON_WORKING = new Map<number, Set<string>>();

/**
 * Days that are not working days in Sweden for a deadline: Saturdays, Sundays, public
 * holidays (allmänna helgdagar), and the days Lag (1930:173) om beräkning av lagstadgad tid
 * treats like them: midsommarafton, julafton and nyårsafton (date-holidays marks these
 * three as "bank" days; other "bank"/"observance" days such as påskafton are weekends anyway).
 */
function nonWorkingDays(year: number): Set<string> {
  let days = NON_WORKING.get(year);
  if (!days) {
    days = new Set(
      holidays
        .getHolidays(year)
        .filter(
          (h) =>
            h.type === 'public' || (h.type === 'bank' && /midsommarafton|julafton|nyårsafton/.test(h.name)),
        )
        .map((h) => h.date.slice(0, 10)),
    );
    NON_WORKING.set(year, days);
  }
  return days;
}

/** True for a working day (YYYY-MM-DD, a Swedish calendar date). */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nonWorkingDays(Number(date.slice(0, 4))).has(date);
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The date `count` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, count: number): string {
  let current = date;
  for (let added = 0; added < count;) {
    current = nextDay(current);
    if (isWorkingDay(current)) added++;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let current = nextDay(from); current <= to; current = nextDay(current))
    if (isWorkingDay(current)) count++;
  return count;
}

const STOCKHOLM = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The instant at which the Swedish calendar date `date` begins (the end of the day before). */
export function startOfStockholmDay(date: string): Date {
  const before = new Date(`${date}T12:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  return endOfStockholmDay(before.toISOString().slice(0, 10));
}

/** The instant at which the Swedish calendar date `date` ends (midnight after it, Europe/Stockholm). */
export function endOfStockholmDay(date: string): Date {
  const midnightUtc = Date.parse(`${nextDay(date)}T00:00:00Z`);
  // Stockholm is UTC+1 or UTC+2: find the offset that applies at that midnight.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(midnightUtc - offsetHours * 3_600_000);
    const parts = Object.fromEntries(STOCKHOLM.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day}` === nextDay(date) && parts.hour === '00')
      return candidate;
  }
  throw new Error(`cannot place the end of ${date} in Europe/Stockholm`);
}

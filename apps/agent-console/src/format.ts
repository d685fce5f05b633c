import { strings } from './strings';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(strings.dateLocale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  });
}

export function formatDate(date: string | null | undefined): string {
  return date ?? '';
}

export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** 199001012385 → 19900101-2385, as agents read it. */
export function formatPersonalNumber(pn: string): string {
  return pn.length === 12 ? `${pn.slice(0, 8)}-${pn.slice(8)}` : pn;
}

/**
 * Keeps values whole where a table wraps: dates, invoice and case numbers and amounts inside
 * a department's text ("2026-12-05", "BN 2026-000187", "1 750 kr") get a non-breaking hyphen
 * and space, so a narrow column breaks between words, never inside a value.
 */
export function keepValuesWhole(text: string | null | undefined): string {
  return (text ?? '').replace(/(\d)-(?=\d)/g, '$1\u2011').replace(/(\d) (?=\d|kr\b)/g, '$1\u00a0');
}

const LONG_DATE = new Intl.DateTimeFormat('sv-SE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** 2026-12-08 → "tisdag 8 december 2026", as the hub's deadline texts say dates. */
export function longDate(date: string): string {
  return LONG_DATE.format(new Date(`${date}T12:00:00Z`));
}

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
/**
 * The day to answer by, from a deadline instant (the end of a Stockholm day, i.e. the next
 * day's midnight): "tisdag 8 december 2026", as the agent reads it to the caller.
 */
export function answerByDay(deadline: string): string {
  return longDate(STOCKHOLM_DAY.format(new Date(Date.parse(deadline) - 1)));
}

/** 09:42, in Stockholm. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(strings.dateLocale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  });
}

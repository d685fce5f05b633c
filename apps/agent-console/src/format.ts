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

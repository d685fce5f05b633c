/** The sandbox's "today" (Europe/Stockholm), overridable so demo data and tests are stable. */
export function sandboxToday(override?: string): string {
  if (override) return override;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

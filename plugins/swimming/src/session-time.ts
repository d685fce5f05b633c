const dayAndMonth = new Intl.DateTimeFormat('sv-SE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** "torsdag 26 november kl. 17.30–18.15": how a session is said on the phone in Swedish. */
export function sessionTime(date: string, from: string, to: string): string {
  const day = dayAndMonth.format(new Date(`${date}T12:00:00Z`));
  return `${day} kl. ${from.replace(':', '.')}–${to.replace(':', '.')}`;
}

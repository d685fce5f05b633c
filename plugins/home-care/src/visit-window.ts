const dayAndMonth = new Intl.DateTimeFormat('sv-SE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** "onsdag 25 november kl. 08.00–08.45": how a visit window is said on the phone in Swedish. */
export function visitWindow(date: string, from: string, to: string): string {
  const day = dayAndMonth.format(new Date(`${date}T12:00:00Z`));
  return `${day} kl. ${from.replace(':', '.')}–${to.replace(':', '.')}`;
}

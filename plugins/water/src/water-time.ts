const dayAndMonth = new Intl.DateTimeFormat('sv-SE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'Europe/Stockholm',
});
const clock = new Intl.DateTimeFormat('sv-SE', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Stockholm',
});

/** "onsdag 9 december kl. 09.00–13.00" (or across days): how an interruption is said on the phone. */
export function interruptionWindow(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const time = (d: Date) => clock.format(d).replace(':', '.');
  const startDay = dayAndMonth.format(start);
  const endDay = dayAndMonth.format(end);
  return startDay === endDay
    ? `${startDay} kl. ${time(start)}–${time(end)}`
    : `${startDay} kl. ${time(start)} till ${endDay} kl. ${time(end)}`;
}

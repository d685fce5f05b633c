import { addWorkingDays, endOfStockholmDay, isWorkingDay, workingDaysBetween } from './swedish-calendar';
import { serviceDeadline } from './service-deadline';

describe('Swedish working days (Lag 1930:173)', () => {
  it.each([
    ['2026-11-24', true], // a Tuesday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-04-03', false], // långfredagen
    ['2026-04-06', false], // annandag påsk
    ['2026-04-02', true], // skärtorsdagen is a working day
    ['2026-05-14', false], // Kristi himmelsfärdsdag
    ['2026-05-25', true], // annandag pingst is no longer a holiday
    ['2026-06-06', false], // nationaldagen (a Saturday in 2026 anyway)
    ['2027-06-07', true], // a Monday: no substitute day in Sweden
    ['2026-06-19', false], // midsommarafton
    ['2026-12-24', false], // julafton
    ['2026-12-31', false], // nyårsafton
    ['2026-01-06', false], // trettondedag jul
    ['2026-04-30', true], // valborgsmässoafton is a working day
  ])('%s working: %p', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2026-04-01', 3, '2026-04-08'], // Easter: Fri-Mon off
    ['2026-06-17', 3, '2026-06-23'], // midsummer: Fri (eve) and Sat off
    ['2026-12-22', 3, '2026-12-29'], // Christmas: 24-27 off
    ['2026-12-29', 3, '2027-01-05'], // New Year: 31 Dec, 1 Jan off; 6 Jan is a holiday
    ['2026-11-27', 1, '2026-11-30'], // Friday -> Monday
    ['2026-11-28', 3, '2026-12-02'], // counted from a Saturday
  ])('%s + %d working days = %s', (from, days, due) => {
    expect(addWorkingDays(from, days)).toBe(due);
  });

  it.each([
    ['2026-04-01', '2026-04-08', 3],
    ['2026-12-22', '2026-12-22', 0],
    ['2026-12-23', '2026-12-28', 1],
  ])('working days after %s up to %s: %d', (from, to, count) => {
    expect(workingDaysBetween(from, to)).toBe(count);
  });

  it.each([
    ['2026-11-24', '2026-11-24T23:00:00.000Z'], // winter time, UTC+1
    ['2026-06-23', '2026-06-23T22:00:00.000Z'], // summer time, UTC+2
    ['2026-03-28', '2026-03-28T23:00:00.000Z'], // the night the clocks go forward
    ['2026-10-24', '2026-10-24T22:00:00.000Z'], // the night they go back
  ])('the end of %s in Stockholm is %s', (date, instant) => {
    expect(endOfStockholmDay(date).toISOString()).toBe(instant);
  });

  it('gives a forwarded case until the end of the third working day, in Swedish time', () => {
    // Forwarded late on Wednesday 1 April 2026 Swedish time (22:30 UTC+2 is still 1 April).
    expect(serviceDeadline(new Date('2026-04-01T20:30:00Z'), 3).toISOString()).toBe(
      '2026-04-08T22:00:00.000Z',
    );
    // 23:30 UTC on 31 March is already 1 April in Stockholm.
    expect(serviceDeadline(new Date('2026-03-31T23:30:00Z'), 3).toISOString()).toBe(
      '2026-04-08T22:00:00.000Z',
    );
  });
});

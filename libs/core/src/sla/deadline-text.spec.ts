import { deadlineText, dueDateOf, workingDaysLeftText, workingDaysText } from './deadline-text';
import { serviceDeadline } from './service-deadline';

describe('one way to say a deadline', () => {
  it.each([
    // forwarded at (UTC), working days, due instant, last day, text
    ['2026-12-01T09:00:00Z', 3, '2026-12-04T23:00:00.000Z', '2026-12-04', 'senast fredag 4 december 2026'],
    // forwarded on a Friday: the weekend is not counted
    ['2026-11-27T15:00:00Z', 3, '2026-12-02T23:00:00.000Z', '2026-12-02', 'senast onsdag 2 december 2026'],
    // Christmas: julafton, juldagen, annandag jul and the weekend are not working days
    ['2026-12-22T08:00:00Z', 3, '2026-12-29T23:00:00.000Z', '2026-12-29', 'senast tisdag 29 december 2026'],
    // summer time: the day ends at 22:00 UTC; Kristi himmelsfärd (14 May) is a holiday
    ['2026-05-12T08:00:00Z', 3, '2026-05-18T22:00:00.000Z', '2026-05-18', 'senast måndag 18 maj 2026'],
    // late on a Sunday evening in Stockholm is still Sunday (UTC already says Sunday 22:30)
    ['2026-11-29T22:30:00Z', 1, '2026-11-30T23:00:00.000Z', '2026-11-30', 'senast måndag 30 november 2026'],
  ])('forwarded %s + %d working days: due %s, last day %s, "%s"', (at, days, instant, day, text) => {
    const dueAt = serviceDeadline(new Date(at), days);
    expect(dueAt.toISOString()).toBe(instant);
    expect(dueDateOf(dueAt)).toBe(day);
    expect(deadlineText(dueDateOf(dueAt))).toBe(text);
  });

  it.each([
    // due date, today, text
    ['2026-12-04', '2026-12-01', '3 arbetsdagar kvar'],
    ['2026-12-04', '2026-12-03', '1 arbetsdag kvar'],
    ['2026-12-04', '2026-12-04', 'sista dagen i dag'],
    // Friday deadline, read on the weekend: late, but not yet by a working day
    ['2026-12-04', '2026-12-05', 'försenat'],
    ['2026-12-04', '2026-12-07', '1 arbetsdag försenat'],
    ['2026-12-04', '2026-12-09', '3 arbetsdagar försenat'],
    // across Christmas: 24-27 December are not working days
    ['2026-12-28', '2026-12-23', '1 arbetsdag kvar'],
    ['2026-12-23', '2026-12-28', '1 arbetsdag försenat'],
    // across the weekend before a Monday deadline
    ['2026-12-07', '2026-12-04', '1 arbetsdag kvar'],
  ])('due %s, read %s: "%s"', (dueDate, today, text) => {
    expect(workingDaysLeftText(dueDate, today)).toBe(text);
  });

  it.each([
    [0, '0 arbetsdagar'],
    [1, '1 arbetsdag'],
    [2, '2 arbetsdagar'],
    [21, '21 arbetsdagar'],
  ])('%d → "%s" (Swedish plural forms)', (count, text) => {
    expect(workingDaysText(count)).toBe(text);
  });
});

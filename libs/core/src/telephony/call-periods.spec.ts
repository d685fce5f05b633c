import { isoWeekOf, stockholmPeriods } from './call-periods';

describe('the Swedish calendar period of a call’s offer', () => {
  it.each([
    // instant (UTC), Stockholm day, ISO week, month
    ['2026-11-24T22:59:59Z', '2026-11-24', '2026-W48', '2026-11'], // 23:59:59 CET
    ['2026-11-24T23:00:00Z', '2026-11-25', '2026-W48', '2026-11'], // midnight CET is the next day
    ['2026-03-28T23:00:00Z', '2026-03-29', '2026-W13', '2026-03'], // the night summer time begins
    ['2026-03-29T21:59:59Z', '2026-03-29', '2026-W13', '2026-03'], // 23:59:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30', '2026-W14', '2026-03'],
    ['2026-10-25T00:30:00Z', '2026-10-25', '2026-W43', '2026-10'], // 02:30 CEST, the first time
    ['2026-10-25T01:30:00Z', '2026-10-25', '2026-W43', '2026-10'], // 02:30 CET, the second time
    ['2026-12-31T23:30:00Z', '2027-01-01', '2026-W53', '2027-01'], // 2026 has 53 ISO weeks
  ])('%s is %s, %s, %s', (instant, day, week, month) => {
    expect(stockholmPeriods(new Date(instant))).toEqual({ day, week, month });
  });

  it.each([
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
  ])('ISO week of %s is %s', (date, week) => expect(isoWeekOf(date)).toBe(week));
});

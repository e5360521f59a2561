import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal, HOLIDAYS_2026, WORKDAYS_2026 } from './calendar-2026.fixture';
import { makeCalendar } from './calendar';
import {
  addWorkingDays,
  isProvisional,
  isRangeLoaded,
  isWorkingDay,
  nthLastWorkingDay,
  previousWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days';
import { addDaysToDay } from './ymd';

describe('isWorkingDay', () => {
  it('counts adjusted weekends and skips official days off', () => {
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2026-09-25')).toBe(false); // Friday, 中秋
    expect(isWorkingDay(cal, '2026-10-05')).toBe(false); // Monday, 国庆
    expect(isWorkingDay(cal, '2026-11-02')).toBe(true); // ordinary Monday
    expect(isWorkingDay(cal, '2026-11-07')).toBe(false); // ordinary Saturday
  });

  it('gives the official answer for every listed day', () => {
    for (const day of HOLIDAYS_2026) expect(isWorkingDay(cal, day), day).toBe(false);
    for (const day of WORKDAYS_2026) expect(isWorkingDay(cal, day), day).toBe(true);
  });

  it('uses weekends alone in a year that is not loaded, even if stray days are stored for it', () => {
    const stray = makeCalendar({ holidays: ['2027-01-01'], workdays: ['2027-01-02'], years: [2026] });
    expect(isWorkingDay(stray, '2027-01-01')).toBe(true); // Friday
    expect(isWorkingDay(stray, '2027-01-02')).toBe(false); // Saturday
    expect(isProvisional(stray, '2027-01-01')).toBe(true);
    expect(isProvisional(stray, '2026-12-31')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-02', 20, '2026-11-30'], // DESIGN §1 example
    ['2026-09-18', 1, '2026-09-20'], // Friday → the working Sunday
    ['2026-09-24', 1, '2026-09-28'], // over 中秋
    ['2026-09-30', 1, '2026-10-08'], // over 国庆: Thursday 10-08 is the first day back
    ['2026-10-09', 1, '2026-10-10'], // Friday → the working Saturday
    ['2026-02-13', 1, '2026-02-14'], // Friday → the working Saturday before 春节
    ['2026-02-14', 1, '2026-02-24'], // over 春节
    ['2026-02-27', 1, '2026-02-28'], // the working Saturday after 春节
    ['2025-12-31', 1, '2026-01-04'], // over 元旦 to the working Sunday
  ])('%s + %i working days → %s', (from, n, due) => {
    expect(addWorkingDays(cal, from, n)).toEqual({ due, provisional: false });
  });

  it('does not count the starting day, even when it is a working day', () => {
    expect(addWorkingDays(cal, '2026-11-02', 1).due).toBe('2026-11-03');
    expect(addWorkingDays(cal, '2026-11-07', 1).due).toBe('2026-11-09'); // from a Saturday
  });

  it('returns the starting day for n = 0 and refuses negative or fractional n', () => {
    expect(addWorkingDays(cal, '2026-10-03', 0).due).toBe('2026-10-03');
    expect(() => addWorkingDays(cal, '2026-10-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-10-03', 1.5)).toThrow(RangeError);
  });

  it('counts weekends alone into a year that is not loaded, and says so', () => {
    // 2027-01-01 is a Friday; without 2027's arrangement it counts as a working day
    expect(addWorkingDays(cal, '2026-12-31', 1)).toEqual({ due: '2027-01-01', provisional: true });
    expect(addWorkingDays(cal, '2026-12-30', 1)).toEqual({ due: '2026-12-31', provisional: false });
    expect(addWorkingDays(cal, '2026-12-21', 20)).toEqual({ due: '2027-01-18', provisional: true });
  });

  it('is provisional when only the days walked over lie in an unloaded year', () => {
    const only2027 = makeCalendar({ holidays: [], workdays: [], years: [2027] });
    expect(addWorkingDays(only2027, '2026-12-25', 5)).toEqual({ due: '2027-01-01', provisional: true });
    expect(addWorkingDays(only2027, '2026-12-31', 1)).toEqual({ due: '2027-01-01', provisional: false });
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-11-02', '2026-11-30')).toBe(20);
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-09')).toBe(2);
    expect(workingDaysBetween(cal, '2026-10-01', '2026-10-01')).toBe(0);
    expect(workingDaysBetween(cal, '2026-11-30', '2026-11-02')).toBe(-20);
  });

  it('round-trips addWorkingDays across the whole year', () => {
    for (let from = '2026-01-01'; from <= '2026-12-31'; from = addDaysToDay(from, 7)) {
      for (const n of [1, 3, 7, 20, 40]) {
        const { due } = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, due), `${from} + ${n}`).toBe(n);
        expect(isWorkingDay(cal, due)).toBe(true);
      }
    }
  });
});

describe('walking backwards', () => {
  it('finds the first of the last k working days up to and including a day', () => {
    expect(nthLastWorkingDay(cal, '2026-11-30', 3)).toEqual({ day: '2026-11-26', provisional: false });
    expect(nthLastWorkingDay(cal, '2026-11-30', 1).day).toBe('2026-11-30');
    expect(nthLastWorkingDay(cal, '2026-10-08', 2).day).toBe('2026-09-30'); // over 国庆
    expect(nthLastWorkingDay(cal, '2026-10-04', 1).day).toBe('2026-09-30'); // from inside the holiday
    expect(() => nthLastWorkingDay(cal, '2026-11-30', 0)).toThrow(RangeError);
  });

  it('finds the previous working day', () => {
    expect(previousWorkingDay(cal, '2026-09-21').day).toBe('2026-09-20');
    expect(previousWorkingDay(cal, '2026-02-24').day).toBe('2026-02-14');
    expect(previousWorkingDay(cal, '2026-01-05')).toEqual({ day: '2026-01-04', provisional: false });
  });

  it('finds the working day on or after a day', () => {
    expect(workingDayOnOrAfter(cal, '2026-11-02').day).toBe('2026-11-02');
    expect(workingDayOnOrAfter(cal, '2026-10-01').day).toBe('2026-10-08');
    expect(workingDayOnOrAfter(cal, '2027-01-02')).toEqual({ day: '2027-01-04', provisional: true });
  });
});

describe('isRangeLoaded', () => {
  it('needs every year between the two days', () => {
    expect(isRangeLoaded(cal, '2026-01-01', '2026-12-31')).toBe(true);
    expect(isRangeLoaded(cal, '2026-12-01', '2027-01-31')).toBe(false);
    const gap = makeCalendar({ holidays: [], workdays: [], years: [2025, 2027] });
    expect(isRangeLoaded(gap, '2027-01-01', '2025-01-01')).toBe(false);
  });
});

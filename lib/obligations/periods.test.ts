import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { computeObligationTimes } from '../deadlines/obligation-clock';
import { calendarPeriodOf, isPeriodLimit, periodAt, periodKeyLabel } from './periods';

describe('calendarPeriodOf', () => {
  it('names months, quarters, half years and years by the keys obligations store', () => {
    expect(calendarPeriodOf('month', '2026-11-27')).toEqual({ key: '2026-11', start: '2026-11-01', end: '2026-11-30', label: '2026年11月' });
    expect(calendarPeriodOf('month', '2028-02-10')).toEqual({ key: '2028-02', start: '2028-02-01', end: '2028-02-29', label: '2028年2月' });
    expect(calendarPeriodOf('quarter', '2026-11-27')).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31', label: '2026年第四季度' });
    expect(calendarPeriodOf('quarter', '2026-01-01')).toMatchObject({ key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(calendarPeriodOf('quarter', '2026-06-30')).toMatchObject({ key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(calendarPeriodOf('half_year', '2026-11-27')).toEqual({ key: '2026-H2', start: '2026-07-01', end: '2026-12-31', label: '2026年下半年' });
    expect(calendarPeriodOf('half_year', '2026-06-30')).toMatchObject({ key: '2026-H1', start: '2026-01-01', end: '2026-06-30' });
    expect(calendarPeriodOf('year', '2026-11-27')).toEqual({ key: '2026', start: '2026-01-01', end: '2026-12-31', label: '2026年度' });
  });

  it('puts the first and last day of each period inside it', () => {
    for (const period of ['month', 'quarter', 'half_year', 'year'] as const) {
      for (const day of ['2026-01-01', '2026-03-31', '2026-04-01', '2026-07-01', '2026-09-30', '2026-12-31']) {
        const found = calendarPeriodOf(period, day);
        expect(found.start <= day && day <= found.end).toBe(true);
        expect(calendarPeriodOf(period, found.start).key).toBe(found.key);
        expect(calendarPeriodOf(period, found.end).key).toBe(found.key);
      }
    }
  });
});

describe('periodAt', () => {
  it('opens a fixed-date obligation on 1 January, keyed by the year the report covers', () => {
    const annualReport = { kind: 'fixed_date', month: 1, day: 31, text: '每年1月31日前' } as const;
    expect(periodAt(annualReport, '2026-01-15')).toEqual({ key: '2025', start: '2026-01-01', end: '2026-12-31', label: '2025年度' });
    expect(periodAt(annualReport, '2026-11-27').key).toBe('2025');
    const times = computeObligationTimes(cal, annualReport, { periodStart: periodAt(annualReport, '2026-01-15').start });
    expect(times?.dueDay).toBe('2026-01-31');
  });

  it('gives a periodic limit its calendar period, due n working days after the period ends', () => {
    const monthly = { kind: 'periodic', period: 'month', n: 20, text: '每月' } as const;
    const period = periodAt(monthly, '2026-11-27');
    expect(period.key).toBe('2026-11');
    expect(computeObligationTimes(cal, monthly, { periodStart: period.start })?.dueDay).toBe('2026-12-28');
  });

  it('tells period limits from the others', () => {
    expect(isPeriodLimit({ kind: 'periodic', period: 'year', n: 20, text: '每年' })).toBe(true);
    expect(isPeriodLimit({ kind: 'fixed_date', month: 1, day: 31, text: '每年1月31日前' })).toBe(true);
    expect(isPeriodLimit({ kind: 'working_days_after', n: 20, text: '20个工作日' })).toBe(false);
    expect(isPeriodLimit({ kind: 'unmeasurable', text: '及时' })).toBe(false);
  });

  it('names a stored period key the way its period names it, and leaves an unknown key as it is', () => {
    expect(['2026-11', '2026-Q1', '2026-H2', '2025'].map(periodKeyLabel)).toEqual(['2026年11月', '2026年第一季度', '2026年下半年', '2025年度']);
    expect(periodKeyLabel('2026-13x')).toBe('2026-13x');
  });
});

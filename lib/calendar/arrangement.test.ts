import { describe, expect, it } from 'vitest';
import { arrangementBodySchema, arrangementProblems, dayKindIn, withDayKind } from './arrangement';

describe('arrangementProblems', () => {
  it('accepts the official 2026 National Day arrangement', () => {
    expect(
      arrangementProblems(2026, {
        holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
        workdays: ['2026-09-20', '2026-10-10'],
      }),
    ).toEqual({});
  });

  it('names every date outside the year, listed twice, in both lists, or a 调休 day that is not a weekend', () => {
    expect(
      arrangementProblems(2027, {
        holidays: ['2026-12-31', '2027-01-01', '2027-01-01', '2027-02-06'],
        workdays: ['2027-02-06', '2027-02-08'],
      }),
    ).toEqual({
      'holidays.0': '2026-12-31 不在 2027 年内',
      'holidays.2': '2027-01-01 重复出现',
      'workdays.0': '2027-02-06 同时出现在放假和调休上班日期中',
      'workdays.1': '2027-02-08 是工作日，无需列为调休上班',
    });
  });
});

describe('arrangementBodySchema', () => {
  it('refuses a date that does not exist and an unknown field', () => {
    expect(arrangementBodySchema.safeParse({ holidays: ['2027-02-30'], workdays: [] }).error?.issues[0]?.message).toBe('日期不存在');
    expect(arrangementBodySchema.safeParse({ holidays: [], workdays: [], days: [] }).error?.issues[0]?.message).toBe('未知字段：days');
  });
});

describe('withDayKind', () => {
  const national = { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-09-20'] };

  it('makes one day a holiday, a 调休 workday or normal again, leaving every other day as it was', () => {
    expect(withDayKind(national, '2026-10-09', 'holiday')).toEqual({ holidays: ['2026-10-01', '2026-10-02', '2026-10-09'], workdays: ['2026-09-20'] });
    expect(withDayKind(national, '2026-10-02', 'normal')).toEqual({ holidays: ['2026-10-01'], workdays: ['2026-09-20'] });
    expect(withDayKind(national, '2026-10-01', 'workday')).toEqual({ holidays: ['2026-10-02'], workdays: ['2026-09-20', '2026-10-01'] });
    expect(dayKindIn(national, '2026-09-20')).toBe('workday');
    expect(dayKindIn(national, '2026-10-02')).toBe('holiday');
    expect(dayKindIn(national, '2026-10-08')).toBe('normal');
  });

  it('yields an arrangement arrangementProblems refuses when a weekday is made a 调休 workday', () => {
    expect(arrangementProblems(2026, withDayKind(national, '2026-10-08', 'workday'))).toEqual({ 'workdays.1': '2026-10-08 是工作日，无需列为调休上班' });
  });
});

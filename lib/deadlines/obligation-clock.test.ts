import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import type { TimeLimit } from '../catalog/time-limit';
import { periodEnd } from './clock';
import { computeObligationTimes } from './obligation-clock';

const at = (iso: string) => new Date(iso);
// 00:00 Asia/Shanghai of a day, written the way DESIGN §1 writes it
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const workingDays = (n: number): TimeLimit => ({ kind: 'working_days_after', n, text: `${n}个工作日` });

describe('computeObligationTimes: working_days_after', () => {
  it('follows the worked example of DESIGN §1', () => {
    const times = computeObligationTimes(cal, workingDays(20), { formedAt: at('2026-11-02T10:00:00+08:00') });
    expect(times).toEqual({
      warnAt: midnight('2026-11-26'), // yellow: 11-26, 11-27, 11-30
      dueAt: midnight('2026-12-01'), // 2026-11-30 24:00; orange after
      severeAt: midnight('2026-12-15'), // red: 12-14 is the 10th working day after
      dueDay: '2026-11-30',
      provisional: false,
    });
    expect(times?.dueAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('takes the day of formation in Shanghai, whatever the instant’s offset', () => {
    const early = computeObligationTimes(cal, workingDays(20), { formedAt: at('2026-11-01T16:00:00Z') });
    const late = computeObligationTimes(cal, workingDays(20), { formedAt: at('2026-11-02T23:59:59+08:00') });
    const dayBefore = computeObligationTimes(cal, workingDays(20), { formedAt: at('2026-11-01T15:59:59Z') });
    expect(early?.dueDay).toBe('2026-11-30');
    expect(late?.dueDay).toBe('2026-11-30');
    expect(dayBefore?.dueDay).toBe('2026-11-27'); // formed Sunday 11-01
  });

  it('counts adjusted working weekends and skips holidays', () => {
    expect(computeObligationTimes(cal, workingDays(1), { formedAt: at('2026-09-18T12:00:00+08:00') })?.dueDay).toBe(
      '2026-09-20',
    );
    expect(computeObligationTimes(cal, workingDays(1), { formedAt: at('2026-09-30T12:00:00+08:00') })?.dueDay).toBe(
      '2026-10-08',
    );
    expect(computeObligationTimes(cal, workingDays(1), { formedAt: at('2026-02-14T12:00:00+08:00') })?.dueDay).toBe(
      '2026-02-24',
    );
  });

  it('is provisional when the deadline runs into a year that is not loaded', () => {
    const times = computeObligationTimes(cal, workingDays(20), { formedAt: at('2026-12-10T09:00:00+08:00') });
    // 2027-01-01 counts as a working day on weekends alone
    expect(times).toMatchObject({ dueDay: '2027-01-07', provisional: true });
  });

  it('is provisional when only the red threshold reaches into the unloaded year', () => {
    const times = computeObligationTimes(cal, workingDays(10), { formedAt: at('2026-12-14T09:00:00+08:00') });
    expect(times).toMatchObject({ dueDay: '2026-12-28', severeAt: midnight('2027-01-12'), provisional: true });
  });

  it('does not turn yellow before the obligation exists', () => {
    const formedAt = at('2026-11-02T10:00:00+08:00');
    const times = computeObligationTimes(cal, workingDays(1), { formedAt });
    expect(times).toMatchObject({ dueDay: '2026-11-03', warnAt: formedAt });
  });

  it('takes warn and severe working days from the rule', () => {
    const formedAt = at('2026-11-02T10:00:00+08:00');
    expect(computeObligationTimes(cal, workingDays(20), { formedAt }, { warnWorkingDays: 5, severeWorkingDays: 1 })).toMatchObject(
      { warnAt: midnight('2026-11-24'), severeAt: midnight('2026-12-02') },
    );
    const none = computeObligationTimes(cal, workingDays(20), { formedAt }, { warnWorkingDays: 0, severeWorkingDays: 0 });
    expect(none?.warnAt).toEqual(none?.dueAt);
    expect(none?.severeAt).toEqual(none?.dueAt);
    expect(() => computeObligationTimes(cal, workingDays(20), { formedAt }, { warnWorkingDays: -1 })).toThrow(RangeError);
  });
});

describe('computeObligationTimes: calendar_days_after', () => {
  const days20: TimeLimit = { kind: 'calendar_days_after', n: 20, text: '批准后20日内' };

  it('is due at the end of the nth calendar day; warn and severe count working days', () => {
    expect(computeObligationTimes(cal, days20, { formedAt: at('2026-09-10T15:00:00+08:00') })).toEqual({
      warnAt: midnight('2026-09-28'),
      dueAt: midnight('2026-10-01'),
      severeAt: midnight('2026-10-21'),
      dueDay: '2026-09-30',
      provisional: false,
    });
  });

  it('stays on the calendar day even when it is a holiday', () => {
    expect(computeObligationTimes(cal, days20, { formedAt: at('2026-09-13T15:00:00+08:00') })).toEqual({
      warnAt: midnight('2026-09-28'), // the last three working days up to 10-03 are 09-28..30
      dueAt: midnight('2026-10-04'),
      severeAt: midnight('2026-10-21'),
      dueDay: '2026-10-03',
      provisional: false,
    });
  });
});

describe('computeObligationTimes: same_day', () => {
  const realTime: TimeLimit = { kind: 'same_day', text: '实时' };

  it('is due at the end of the working day of formation, yellow at once', () => {
    const formedAt = at('2026-11-02T10:00:00+08:00');
    expect(computeObligationTimes(cal, realTime, { formedAt })).toEqual({
      warnAt: formedAt,
      dueAt: midnight('2026-11-03'),
      severeAt: midnight('2026-11-17'),
      dueDay: '2026-11-02',
      provisional: false,
    });
  });

  it('moves to the next working day when formed on a day off', () => {
    expect(computeObligationTimes(cal, realTime, { formedAt: at('2026-10-03T10:00:00+08:00') })?.dueDay).toBe('2026-10-08');
    expect(computeObligationTimes(cal, realTime, { formedAt: at('2026-09-20T10:00:00+08:00') })?.dueDay).toBe('2026-09-20');
  });
});

describe('computeObligationTimes: periodic', () => {
  const quarterly: TimeLimit = { kind: 'periodic', period: 'quarter', n: 20, text: '每季度' };

  it('is due n working days after the period ends', () => {
    const times = computeObligationTimes(cal, quarterly, { periodStart: '2026-07-01' });
    expect(times).toMatchObject({ dueDay: '2026-11-03', dueAt: midnight('2026-11-04'), provisional: false });
    expect(computeObligationTimes(cal, quarterly, { periodStart: '2026-08-15' })?.dueDay).toBe('2026-11-03');
  });

  it('handles months across the Spring Festival', () => {
    const monthly: TimeLimit = { kind: 'periodic', period: 'month', n: 20, text: '每月' };
    expect(computeObligationTimes(cal, monthly, { periodStart: '2026-01-01' })?.dueDay).toBe('2026-03-05');
  });

  it('with n = 0 is due by the end of the period itself', () => {
    const halfYearly: TimeLimit = { kind: 'periodic', period: 'half_year', n: 0, text: '半年至少更新1次' };
    expect(computeObligationTimes(cal, halfYearly, { periodStart: '2026-01-01' })).toEqual({
      warnAt: midnight('2026-06-26'),
      dueAt: midnight('2026-07-01'),
      severeAt: midnight('2026-07-15'),
      dueDay: '2026-06-30',
      provisional: false,
    });
  });

  it('finds the end of each kind of period', () => {
    expect(periodEnd('2026-02-10', 'month')).toBe('2026-02-28');
    expect(periodEnd('2026-11-01', 'quarter')).toBe('2026-12-31');
    expect(periodEnd('2026-04-01', 'quarter')).toBe('2026-06-30');
    expect(periodEnd('2026-07-01', 'half_year')).toBe('2026-12-31');
    expect(periodEnd('2026-03-01', 'year')).toBe('2026-12-31');
  });
});

describe('computeObligationTimes: fixed_date', () => {
  it('is due on that day of the year periodStart names (annual report by 01-31)', () => {
    const annualReport: TimeLimit = { kind: 'fixed_date', month: 1, day: 31, text: '每年1月31日前' };
    expect(computeObligationTimes(cal, annualReport, { periodStart: '2026-01-01' })).toEqual({
      warnAt: midnight('2026-01-28'), // 01-31 is a Saturday: 01-28, 01-29, 01-30
      dueAt: midnight('2026-02-01'),
      severeAt: midnight('2026-02-14'),
      dueDay: '2026-01-31',
      provisional: false,
    });
  });

  it('falls back to 28 February for a leap-day date in a common year', () => {
    const leap: TimeLimit = { kind: 'fixed_date', month: 2, day: 29, text: '每年2月29日前' };
    expect(computeObligationTimes(cal, leap, { periodStart: '2026-01-01' })?.dueDay).toBe('2026-02-28');
  });
});

describe('computeObligationTimes: before_event', () => {
  it('must be out by 00:00 of the event day minus n', () => {
    const threeDays: TimeLimit = { kind: 'before_event', n: 3, text: '提前3日' };
    expect(computeObligationTimes(cal, threeDays, { eventAt: at('2026-11-20T09:00:00+08:00') })).toEqual({
      warnAt: midnight('2026-11-12'),
      dueAt: midnight('2026-11-17'),
      severeAt: midnight('2026-12-01'),
      dueDay: '2026-11-16',
      provisional: false,
    });
  });

  it('warns on working days before a deadline that falls in a holiday', () => {
    const week: TimeLimit = { kind: 'before_event', n: 7, text: '提前一周' };
    const times = computeObligationTimes(cal, week, { eventAt: at('2026-10-12T09:00:00+08:00') });
    expect(times).toMatchObject({ dueAt: midnight('2026-10-05'), dueDay: '2026-10-04', warnAt: midnight('2026-09-28') });
  });
});

describe('computeObligationTimes: what cannot be computed', () => {
  it('returns null for an unmeasurable limit', () => {
    expect(computeObligationTimes(cal, { kind: 'unmeasurable', text: '及时' }, {})).toBeNull();
  });

  it('refuses a limit without the anchor it needs', () => {
    expect(() => computeObligationTimes(cal, workingDays(20), {})).toThrow(TypeError);
    expect(() => computeObligationTimes(cal, { kind: 'before_event', n: 3, text: '提前3日' }, { formedAt: new Date() })).toThrow(
      /eventAt/,
    );
    expect(() => computeObligationTimes(cal, { kind: 'periodic', period: 'month', n: 20, text: '每月' }, {})).toThrow(
      /periodStart/,
    );
  });
});

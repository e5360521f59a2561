import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { dueOfLimit, runClock } from './clock';
import { dueDayOf } from './due-day';
import { pausedDays } from './pauses';

const at = (iso: string) => new Date(iso);
// 00:00 Asia/Shanghai of a day, written the way DESIGN §1 writes it
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const twentyFrom = (from: Date) => ({ kind: 'working_days', from, n: 20 }) as const;

describe('runClock: DESIGN §1 worked example', () => {
  const reading = runClock(cal, { limit: twentyFrom(at('2026-11-02T10:00:00+08:00')) });

  it('is due 2026-11-30 24:00, yellow from 11-26, orange from 12-01, red from 12-15', () => {
    expect(reading).toMatchObject({
      dueDay: '2026-11-30',
      dueAt: midnight('2026-12-01'),
      warnAt: midnight('2026-11-26'), // 11-26, 11-27, 11-30
      severeAt: midnight('2026-12-15'), // 12-14 is the 10th working day after
      provisional: false,
    });
  });

  it('explains the count: the weekends of November skipped, nothing else', () => {
    expect(reading.explanation).toEqual({
      window: { from: '2026-11-03', to: '2026-11-30' },
      unit: 'working_days',
      skipped: ['11-07', '11-08', '11-14', '11-15', '11-21', '11-22', '11-28', '11-29'].map((d) => ({
        day: `2026-${d}`,
        reason: 'weekend',
      })),
      adjustedWorkdays: [],
    });
  });

  it('takes warn/severe working days as parameters', () => {
    const wide = runClock(cal, { limit: twentyFrom(at('2026-11-02T10:00:00+08:00')), warnWorkingDays: 5, severeWorkingDays: 1 });
    expect(wide).toMatchObject({ warnAt: midnight('2026-11-24'), severeAt: midnight('2026-12-02') });
    const noWarn = runClock(cal, { limit: twentyFrom(at('2026-11-02T10:00:00+08:00')), warnWorkingDays: 0 });
    expect(noWarn.warnAt).toEqual(noWarn.dueAt);
  });
});

describe('runClock: 调休 (2026 arrangement)', () => {
  it('counts the adjusted working Sunday 09-20 and names it', () => {
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-09-18T12:00:00+08:00'), n: 1 } });
    expect(reading.dueDay).toBe('2026-09-20');
    expect(reading.explanation).toMatchObject({ skipped: [{ day: '2026-09-19', reason: 'weekend' }], adjustedWorkdays: ['2026-09-20'] });
  });

  it('skips 中秋 and 国庆 by name, and counts Saturday 10-10', () => {
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-09-24T09:00:00+08:00'), n: 4 } });
    // 09-28, 09-29, 09-30, then 10-08 after the holidays
    expect(reading.dueDay).toBe('2026-10-08');
    const holidays = reading.explanation.skipped.filter((s) => s.reason === 'holiday');
    expect(holidays.map((s) => s.day)).toEqual([
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(holidays[0]).toEqual({ day: '2026-09-25', reason: 'holiday', holiday: '中秋节' });
    expect(holidays[3]).toEqual({ day: '2026-10-01', reason: 'holiday', holiday: '国庆节' });
    const twoMore = runClock(cal, { limit: { kind: 'working_days', from: at('2026-09-24T09:00:00+08:00'), n: 6 } });
    expect(twoMore.dueDay).toBe('2026-10-10');
    expect(twoMore.explanation.adjustedWorkdays).toEqual(['2026-10-10']);
  });

  it('skips the whole Spring Festival after the working Saturday 02-14', () => {
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-02-14T12:00:00+08:00'), n: 1 } });
    expect(reading.dueDay).toBe('2026-02-24');
    expect(reading.explanation.skipped.map((s) => s.holiday ?? s.reason)).toEqual(Array(9).fill('春节'));
  });

  it('warns on the last working days before a due day after a holiday', () => {
    // due 10-09: the last three working days up to it are 09-30, 10-08, 10-09
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-09-24T09:00:00+08:00'), n: 5 } });
    expect(reading).toMatchObject({ dueDay: '2026-10-09', warnAt: midnight('2026-09-30') });
  });

  it('counts weekends alone in a year that is not loaded, and says so', () => {
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-12-30T09:00:00+08:00'), n: 2 } });
    expect(reading).toMatchObject({ dueDay: '2027-01-01', provisional: true });
    expect(reading.explanation.skipped).toEqual([]);
  });
});

describe('runClock: pauses', () => {
  const from = at('2026-11-02T10:00:00+08:00');

  it('is the plain reading with no pauses', () => {
    expect(runClock(cal, { limit: twentyFrom(from), pauses: [] })).toEqual(runClock(cal, { limit: twentyFrom(from) }));
  });

  it('leaves out the working days after the day a pause starts up to and including the day it ends (issue 13)', () => {
    // consultation from Tuesday 11-10 to Monday 11-16: 11-11, 11-12, 11-13 and 11-16 do not count
    const pause = { from: at('2026-11-10T14:00:00+08:00'), to: at('2026-11-16T09:00:00+08:00') };
    const reading = runClock(cal, { limit: twentyFrom(from), pauses: [pause] });
    expect(reading).toMatchObject({
      dueDay: '2026-12-04',
      dueAt: midnight('2026-12-05'),
      warnAt: midnight('2026-12-02'), // 12-02, 12-03, 12-04
      severeAt: midnight('2026-12-19'), // 12-18 is the 10th working day after
    });
    expect(reading.explanation.skipped.filter((s) => s.reason === 'paused').map((s) => s.day)).toEqual([
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
    ]);
  });

  it('counts the start day and leaves out the end day, whatever the hour', () => {
    expect([...pausedDays([{ from: at('2026-11-10T09:00:00+08:00'), to: midnight('2026-11-11') }])]).toEqual(['2026-11-11']);
    expect([...pausedDays([{ from: at('2026-11-10T23:59:00+08:00'), to: at('2026-11-12T00:30:00+08:00') }])]).toEqual([
      '2026-11-11',
      '2026-11-12',
    ]);
    // started and ended on one day: nothing left out
    expect([...pausedDays([{ from: at('2026-11-11T09:00:00+08:00'), to: at('2026-11-11T17:00:00+08:00') }])]).toEqual([]);
  });

  it('reports a paused holiday as the holiday, since it would not have counted anyway', () => {
    // consultation from 09-29 across 国庆 to 10-09: 09-30, 10-08 and 10-09 are the working days it takes
    const pause = { from: at('2026-09-29T10:00:00+08:00'), to: at('2026-10-09T16:00:00+08:00') };
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-09-28T09:00:00+08:00'), n: 2 } });
    const paused = runClock(cal, { limit: { kind: 'working_days', from: at('2026-09-28T09:00:00+08:00'), n: 2 }, pauses: [pause] });
    expect(reading.dueDay).toBe('2026-09-30');
    expect(paused.dueDay).toBe('2026-10-10'); // 09-29, then the adjusted working Saturday 10-10
    expect(paused.explanation.skipped.find((s) => s.day === '2026-10-01')).toEqual({ day: '2026-10-01', reason: 'holiday', holiday: '国庆节' });
    expect(paused.explanation.skipped.filter((s) => s.reason === 'paused').map((s) => s.day)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09']);
    expect(paused.explanation.adjustedWorkdays).toEqual(['2026-10-10']);
  });

  it('extends calendar days by the paused days', () => {
    const limit = { kind: 'calendar_days', from: at('2026-11-02T10:00:00+08:00'), n: 20 } as const;
    expect(runClock(cal, { limit }).dueDay).toBe('2026-11-22');
    const paused = runClock(cal, { limit, pauses: [{ from: midnight('2026-11-05'), to: midnight('2026-11-07') }] });
    expect(paused.dueDay).toBe('2026-11-24');
    expect(paused.explanation).toMatchObject({ unit: 'calendar_days', skipped: [{ day: '2026-11-06', reason: 'paused' }, { day: '2026-11-07', reason: 'paused' }] });
  });
});

describe('runClock: a due time fixed in advance', () => {
  it('keeps the stored due time and counts warn/severe around its day', () => {
    const dueAt = midnight('2026-12-01');
    const reading = runClock(cal, { limit: { kind: 'fixed_due', dueAt, from: at('2026-11-02T10:00:00+08:00') }, warnWorkingDays: 1, severeWorkingDays: 5 });
    expect(reading).toMatchObject({ dueAt, dueDay: '2026-11-30', warnAt: midnight('2026-11-30'), severeAt: midnight('2026-12-08') });
    // explained over the working days from the start to the given due day
    expect(reading.explanation).toMatchObject({ window: { from: '2026-11-03', to: '2026-11-30' }, unit: 'working_days' });
    expect(reading.explanation.skipped).toHaveLength(8);
  });

  it('never warns before the clock starts', () => {
    const from = at('2026-11-30T15:00:00+08:00');
    expect(runClock(cal, { limit: { kind: 'fixed_due', dueAt: midnight('2026-12-01'), from } }).warnAt).toEqual(from);
  });
});

describe('dueOfLimit and dueDayOf', () => {
  it('agree with runClock', () => {
    const limit = twentyFrom(at('2026-11-02T10:00:00+08:00'));
    expect(dueOfLimit(cal, limit)).toEqual({ dueAt: midnight('2026-12-01'), dueDay: '2026-11-30', provisional: false });
  });

  it('reads 24:00 as the day before', () => {
    expect(dueDayOf(midnight('2026-12-01'))).toBe('2026-11-30');
    expect(dueDayOf(at('2026-12-01T00:00:00.001+08:00'))).toBe('2026-12-01');
  });
});

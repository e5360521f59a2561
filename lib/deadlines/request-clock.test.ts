import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { confirmClock, correctionClock, correctionNoticeDue, replyClock } from './request-clock';

const at = (iso: string) => new Date(iso);
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const reply = (startedAt: string, rest: Partial<Parameters<typeof replyClock>[1]> = {}) =>
  replyClock(cal, { startedAt: at(startedAt), consultations: [], extendedWorkingDays: 0, now: at('2026-11-02T10:00:00+08:00'), ...rest });

describe('replyClock: the issue’s worked examples (条例 Art. 30, 33)', () => {
  it('received Monday 2026-11-02 → due 2026-11-30 24:00', () => {
    expect(reply('2026-11-02T10:00:00+08:00')).toMatchObject({
      dueDay: '2026-11-30',
      dueAt: midnight('2026-12-01'),
      warnAt: midnight('2026-11-26'),
      severeAt: midnight('2026-12-15'),
      pausedWorkingDays: 0,
    });
  });

  it('a consultation from Tue 11-10 to Mon 11-16 leaves out 11-11, 11-12, 11-13, 11-16 → due 2026-12-04 24:00', () => {
    const reading = reply('2026-11-02T10:00:00+08:00', {
      consultations: [{ from: at('2026-11-10T15:00:00+08:00'), to: at('2026-11-16T11:00:00+08:00') }],
    });
    expect(reading).toMatchObject({ dueDay: '2026-12-04', dueAt: midnight('2026-12-05'), pausedWorkingDays: 4 });
    expect(reading.explanation.skipped.filter((s) => s.reason === 'paused').map((s) => s.day)).toEqual([
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
    ]);
  });

  it('restarts from the corrected application received 2026-11-09 → due 2026-12-07 24:00', () => {
    expect(reply('2026-11-09T16:00:00+08:00')).toMatchObject({ dueDay: '2026-12-07', dueAt: midnight('2026-12-08') });
  });

  it('counts a consultation still running up to now', () => {
    const reading = reply('2026-11-02T10:00:00+08:00', {
      consultations: [{ from: at('2026-11-10T15:00:00+08:00'), to: null }],
      now: at('2026-11-12T15:00:00+08:00'),
    });
    expect(reading).toMatchObject({ dueDay: '2026-12-02', pausedWorkingDays: 2 });
  });

  it('moves the due day by the one extension', () => {
    expect(reply('2026-11-02T10:00:00+08:00', { extendedWorkingDays: 20 })).toMatchObject({ dueDay: '2026-12-28' });
    expect(reply('2026-11-02T10:00:00+08:00', { extendedWorkingDays: 1 })).toMatchObject({ dueDay: '2026-12-01' });
    expect(() => reply('2026-11-02T10:00:00+08:00', { extendedWorkingDays: 21 })).toThrow(RangeError);
  });
});

describe('replyClock: a consultation across 中秋 and 国庆 (2026 arrangement)', () => {
  const received = '2026-09-21T09:00:00+08:00';

  it('is due 10-26 without it', () => {
    expect(reply(received).dueDay).toBe('2026-10-26');
  });

  it('takes out only the working days of the consultation: 09-28, 09-29, 09-30, 10-08, 10-09', () => {
    const reading = reply(received, { consultations: [{ from: at('2026-09-24T10:00:00+08:00'), to: at('2026-10-09T17:00:00+08:00') }] });
    expect(reading).toMatchObject({ dueDay: '2026-11-02', pausedWorkingDays: 5 });
    const skipped = reading.explanation.skipped;
    expect(skipped.filter((s) => s.reason === 'paused').map((s) => s.day)).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
    ]);
    expect(skipped.find((s) => s.day === '2026-09-25')).toEqual({ day: '2026-09-25', reason: 'holiday', holiday: '中秋节' });
    expect(skipped.find((s) => s.day === '2026-10-05')).toEqual({ day: '2026-10-05', reason: 'holiday', holiday: '国庆节' });
    // the adjusted working Saturday after the holiday counts again
    expect(reading.explanation.adjustedWorkdays).toEqual(['2026-10-10']);
  });
});

describe('the intake and 补正 clocks', () => {
  it('confirms an application submitted on Friday evening by Monday 24:00 (1 working day)', () => {
    expect(confirmClock(cal, at('2026-11-06T18:00:00+08:00'), 1, { warnWorkingDays: 0, severeWorkingDays: 3 })).toMatchObject({
      dueDay: '2026-11-09',
      dueAt: midnight('2026-11-10'),
      severeAt: midnight('2026-11-13'),
    });
  });

  it('asks for a correction within 7 working days of receipt', () => {
    expect(correctionNoticeDue(cal, at('2026-11-02T10:00:00+08:00'))).toEqual(midnight('2026-11-12'));
    // across 国庆: received 09-29 → 09-30, 10-08, 10-09, 10-10 (Saturday, 调休), 10-12, 10-13, 10-14
    expect(correctionNoticeDue(cal, at('2026-09-29T10:00:00+08:00'))).toEqual(midnight('2026-10-15'));
  });

  it('gives the applicant the period in working days from the notice', () => {
    expect(correctionClock(cal, at('2026-11-03T10:00:00+08:00'), 15).dueDay).toBe('2026-11-24');
  });
});

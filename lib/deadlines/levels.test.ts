import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { isLate, levelAt, nextThresholdAfter, type Thresholds } from './levels';
import { computeObligationTimes } from './obligation-clock';

const at = (iso: string) => new Date(iso);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

// DESIGN §1 worked example: due 2026-11-30 24:00 Asia/Shanghai
const warnAt = at('2026-11-26T00:00:00+08:00');
const dueAt = at('2026-12-01T00:00:00+08:00');
const severeAt = at('2026-12-15T00:00:00+08:00');
const open: Thresholds = { warnAt, dueAt, severeAt, fulfilledAt: null };

describe('levelAt: DESIGN §1 worked example', () => {
  it('matches the times the deadline function computes', () => {
    const times = computeObligationTimes(
      cal,
      { kind: 'working_days_after', n: 20, text: '20个工作日' },
      { formedAt: at('2026-11-02T10:00:00+08:00') },
    );
    expect(times).toMatchObject({ warnAt, dueAt, severeAt });
  });

  it('is none until the first millisecond of 2026-11-26', () => {
    expect(levelAt(open, at('2026-11-02T10:00:00+08:00'))).toBe('none');
    expect(levelAt(open, ms(warnAt, -1))).toBe('none');
    expect(levelAt(open, warnAt)).toBe('yellow');
    expect(levelAt(open, ms(warnAt, 1))).toBe('yellow');
  });

  it('is yellow through 2026-11-30 24:00 and orange from 2026-12-01 00:00', () => {
    expect(levelAt(open, at('2026-11-30T23:59:59.999+08:00'))).toBe('yellow');
    expect(levelAt(open, ms(dueAt, -1))).toBe('yellow');
    expect(levelAt(open, dueAt)).toBe('orange');
    expect(levelAt(open, ms(dueAt, 1))).toBe('orange');
  });

  it('is orange through 12-14 and red from 2026-12-15 00:00', () => {
    expect(levelAt(open, ms(severeAt, -1))).toBe('orange');
    expect(levelAt(open, severeAt)).toBe('red');
    expect(levelAt(open, ms(severeAt, 1))).toBe('red');
    expect(levelAt(open, at('2027-06-01T00:00:00+08:00'))).toBe('red');
  });

  it('is none once fulfilled, on time or late', () => {
    expect(levelAt({ ...open, fulfilledAt: ms(warnAt, 1) }, ms(warnAt, 2))).toBe('none');
    expect(levelAt({ ...open, fulfilledAt: ms(severeAt, 1) }, ms(severeAt, 2))).toBe('none');
  });

  it('never turns yellow when warnAt is dueAt (warnWorkingDays 0)', () => {
    const noWarn = { ...open, warnAt: dueAt };
    expect(levelAt(noWarn, ms(dueAt, -1))).toBe('none');
    expect(levelAt(noWarn, dueAt)).toBe('orange');
  });
});

describe('nextThresholdAfter', () => {
  it('gives the next threshold strictly after the instant', () => {
    expect(nextThresholdAfter(open, at('2026-11-02T10:00:00+08:00'))).toEqual(warnAt);
    expect(nextThresholdAfter(open, ms(warnAt, -1))).toEqual(warnAt);
    expect(nextThresholdAfter(open, warnAt)).toEqual(dueAt);
    expect(nextThresholdAfter(open, ms(dueAt, -1))).toEqual(dueAt);
    expect(nextThresholdAfter(open, dueAt)).toEqual(severeAt);
    expect(nextThresholdAfter(open, ms(severeAt, -1))).toEqual(severeAt);
  });

  it('is null from severeAt on, and once fulfilled', () => {
    expect(nextThresholdAfter(open, severeAt)).toBeNull();
    expect(nextThresholdAfter(open, ms(severeAt, 1))).toBeNull();
    expect(nextThresholdAfter({ ...open, fulfilledAt: ms(warnAt, -5) }, ms(warnAt, -1))).toBeNull();
  });

  it('skips a warn threshold that coincides with due', () => {
    expect(nextThresholdAfter({ ...open, warnAt: dueAt }, ms(dueAt, -10))).toEqual(dueAt);
  });
});

describe('isLate', () => {
  it('is null while unfulfilled', () => {
    expect(isLate(open)).toBeNull();
  });

  it('is on time up to 2026-11-30 23:59:59.999 and late from 24:00', () => {
    expect(isLate({ ...open, fulfilledAt: ms(dueAt, -1) })).toBe(false);
    expect(isLate({ ...open, fulfilledAt: dueAt })).toBe(true);
    expect(isLate({ ...open, fulfilledAt: ms(dueAt, 1) })).toBe(true);
    expect(isLate({ ...open, fulfilledAt: at('2026-11-05T09:00:00+08:00') })).toBe(false);
  });
});
